import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { InputError } from "../../core/errors";

export interface RegisterKernelOptions {
  /** The project folder (holds node_modules/tslab). */
  projectRoot: string;
  /** A Python with Jupyter, e.g. from findJupyterPython(). */
  python: string;
  /** Install under PREFIX/share/jupyter/kernels instead of the user's Jupyter folder (tests use a temporary prefix). */
  prefix?: string;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
}

export interface RegisteredKernel {
  /** The kernel folder holding kernel.json, as Jupyter reports it. */
  kernelDirectory: string;
  /** The command Jupyter runs to start the kernel. */
  argv: string[];
  /** The output of `tslab install`. */
  log: string;
}

/**
 * Registers the tslab TypeScript kernel ("tslab") with Jupyter, pointing at this
 * project's own tslab by absolute path, so Jupyter finds it without node_modules/.bin on
 * PATH. Uses `tslab install --python=<python> --binary=<project tslab>`; per-user unless
 * `prefix` is given. Then asks that Python's Jupyter where the kernel went.
 * @throws {InputError} when the project has no tslab, or registration fails
 */
export function registerKernel(options: RegisterKernelOptions): RegisteredKernel {
  const env = { ...(options.env ?? process.env) };
  const platform = options.platform ?? process.platform;
  const load = createRequire(join(options.projectRoot, "package.json"));
  let tslabMain: string;
  try {
    tslabMain = load.resolve("tslab/bin/tslab");
  } catch {
    throw new InputError(
      "registerKernel",
      "projectRoot",
      "must have tslab installed (run npm install)",
      options.projectRoot,
    );
  }
  const binary = join(options.projectRoot, "node_modules", ".bin", platform === "win32" ? "tslab.cmd" : "tslab");
  if (!existsSync(binary))
    throw new InputError(
      "registerKernel",
      "projectRoot",
      "must have node_modules/.bin/tslab (run npm install)",
      binary,
    );
  const args = [tslabMain, "install", `--python=${options.python}`, `--binary=${binary}`];
  if (options.prefix) args.push(`--prefix=${options.prefix}`);
  const install = spawnSync(process.execPath, args, { env, encoding: "utf8" });
  const log = `${install.stdout ?? ""}${install.stderr ?? ""}`;
  if (install.status !== 0)
    throw new InputError(
      "registerKernel",
      "python",
      `must be able to install the kernel (tslab install exited ${install.status}: ${log.trim()})`,
      options.python,
    );
  if (options.prefix)
    env.JUPYTER_PATH = [join(options.prefix, "share", "jupyter"), env.JUPYTER_PATH]
      .filter(Boolean)
      .join(platform === "win32" ? ";" : ":");
  const query = spawnSync(
    options.python,
    [
      "-c",
      "import json; from jupyter_client.kernelspec import KernelSpecManager as K; s = K().get_kernel_spec('tslab'); print(json.dumps([s.resource_dir, s.argv]))",
    ],
    { env, encoding: "utf8" },
  );
  if (query.status !== 0)
    throw new InputError(
      "registerKernel",
      "python",
      `must find the kernel it just installed (${query.stderr.trim()})`,
      options.python,
    );
  const [kernelDirectory, argv] = JSON.parse(query.stdout) as [string, string[]];
  return { kernelDirectory, argv, log };
}
