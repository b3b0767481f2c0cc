import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { InputError } from "../../core/errors";

/** The environment variable that names the Python to use, overriding the search. */
export const jupyterPythonVariable = "MICRODOSING_JUPYTER_PYTHON";

export interface JupyterPython {
  /** The Python executable that can import jupyter_client (needed to register a kernel). */
  python: string;
  /** How it was found, e.g. "MICRODOSING_JUPYTER_PYTHON", "jupyter on PATH", "python3 on PATH". */
  source: string;
}

export interface FindJupyterPythonOptions {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
}

/**
 * Finds a Python that has Jupyter. The `python3` first on PATH is often not it (pyenv,
 * conda, Homebrew next to a system Jupyter), so the candidates are, in order:
 * `$MICRODOSING_JUPYTER_PYTHON`; the Python that runs the `jupyter` command on PATH (read
 * from its `#!` line, or its folder on Windows); python3 / python on PATH; then the usual
 * system locations (/usr/bin/python3, Homebrew, /usr/local/bin/python3). Each candidate is
 * asked to `import jupyter_client, IPython`, which tslab's installer needs.
 * @returns the first working candidate, or null when none has Jupyter
 * @throws {InputError} when $MICRODOSING_JUPYTER_PYTHON is set but cannot import Jupyter
 */
export function findJupyterPython(options: FindJupyterPythonOptions = {}): JupyterPython | null {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const override = env[jupyterPythonVariable];
  if (override) {
    if (!hasJupyter(override, env))
      throw new InputError(
        "findJupyterPython",
        jupyterPythonVariable,
        "must name a Python that can import jupyter_client and IPython",
        override,
      );
    return { python: override, source: jupyterPythonVariable };
  }
  const seen = new Set<string>();
  for (const candidate of candidates(env, platform)) {
    if (seen.has(candidate.python)) continue;
    seen.add(candidate.python);
    if (hasJupyter(candidate.python, env)) return candidate;
  }
  return null;
}

function* candidates(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): Generator<JupyterPython> {
  const windows = platform === "win32";
  const jupyter = onPath(windows ? "jupyter.exe" : "jupyter", env);
  if (jupyter) {
    const python = windows ? join(dirname(dirname(jupyter)), "python.exe") : shebangPython(jupyter);
    if (python) yield { python, source: `jupyter on PATH (${jupyter})` };
  }
  for (const name of windows ? ["python.exe", "python3.exe"] : ["python3", "python"]) {
    const python = onPath(name, env);
    if (python) yield { python, source: `${name} on PATH` };
  }
  if (!windows) {
    for (const python of ["/usr/bin/python3", "/opt/homebrew/bin/python3", "/usr/local/bin/python3"]) {
      if (existsSync(python)) yield { python, source: "system location" };
    }
  }
}

/** Whether `python` runs and can import what tslab's kernel installer needs. */
export function hasJupyter(python: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const probe = spawnSync(python, ["-c", "import jupyter_client.kernelspec, IPython"], {
    env,
    stdio: "ignore",
    timeout: 30_000,
  });
  return probe.status === 0;
}

function onPath(name: string, env: NodeJS.ProcessEnv): string | null {
  for (const directory of (env.PATH ?? env.Path ?? "").split(delimiter)) {
    if (!directory) continue;
    const path = join(directory, name);
    try {
      if (statSync(path).isFile()) return path;
    } catch {
      // not here; keep looking
    }
  }
  return null;
}

/** The interpreter of a script's `#!` line: "#!/usr/bin/python3" → "/usr/bin/python3". */
function shebangPython(script: string): string | null {
  const first = readFileSync(script, "utf8").slice(0, 300).split("\n")[0];
  const match = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(first);
  if (!match) return null;
  if (match[1].endsWith("/env")) return match[2] ?? null; // "#!/usr/bin/env python3": that name on PATH
  return /python/i.test(match[1]) ? match[1] : null;
}
