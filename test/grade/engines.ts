// How GitHub Actions, Kubernetes and Slurm run a command: just enough of each to run the templates of deploy/grading/.
import { spawn } from "node:child_process";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run a program to its end, its output kept; never rejects (the test reads `code`). */
export function run(argv: string[], options: { cwd: string; env: Record<string, string | undefined> }): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(argv[0], argv.slice(1), {
      cwd: options.cwd,
      env: options.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * GitHub Actions' `${{ … }}` expressions, for the contexts a template uses: `matrix.<key>` and
 * `strategy.job-total`. Anything else throws, so a template cannot use a context that this
 * test would silently leave unexpanded.
 */
export function githubExpand(
  text: string,
  context: { matrix: Record<string, string | number>; jobTotal: number },
): string {
  return text.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_whole, expr: string) => {
    const m = /^matrix\.([\w-]+)$/.exec(expr);
    if (m && m[1] in context.matrix) return String(context.matrix[m[1]]);
    if (expr === "strategy.job-total") return String(context.jobTotal);
    throw new Error(`githubExpand: no such context in this test: ${expr}`);
  });
}

/** The shell of a `run:` step on a Linux runner (GitHub's documented default for `shell: bash`). */
export const GITHUB_BASH = ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c"];

/**
 * Kubernetes' expansion of `command`/`args`: `$(NAME)` becomes the container's variable NAME
 * when it is defined (else stays as written), `$$` becomes `$`.
 */
export function kubernetesExpand(text: string, env: Readonly<Record<string, string>>): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "$" && text[i + 1] === "$") {
      out += "$";
      i++;
    } else if (text[i] === "$" && text[i + 1] === "(") {
      const close = text.indexOf(")", i + 2);
      const name = close < 0 ? "" : text.slice(i + 2, close);
      if (close >= 0 && Object.prototype.hasOwnProperty.call(env, name)) {
        out += env[name];
        i = close;
      } else out += "$";
    } else out += text[i];
  }
  return out;
}

/**
 * A fake `sbatch` for the Slurm templates, written into `binDir`: it reads the script's
 * `#SBATCH` lines (`--array=A-B`, `--cpus-per-task`, `--output` with %a/%A/%j), runs the
 * array's tasks at once with Slurm's variables set (SLURM_ARRAY_TASK_ID, _COUNT, _MIN, _MAX,
 * SLURM_SUBMIT_DIR = where sbatch was called), waits for them, and honours
 * `--dependency=afterok:ID` (the dependent job runs only if every task of ID exited 0; else
 * it fails, as a job that can never run). `--parsable` prints the job id. Synchronous: the
 * job has finished when sbatch returns. Its state (the exit codes per job) is in `binDir/state`.
 */
export function writeFakeSbatch(binDir: string): void {
  mkdirSync(join(binDir, "state"), { recursive: true });
  const script = `#!/bin/bash
set -uo pipefail
state=${JSON.stringify(join(binDir, "state"))}
parsable=0; dep=""; script=""
for a in "$@"; do
  case "$a" in
    --parsable) parsable=1 ;;
    --dependency=afterok:*) dep="\${a#--dependency=afterok:}" ;;
    --*) echo "fake sbatch: option not emulated: $a" >&2; exit 1 ;;
    *) script="$a" ;;
  esac
done
if [ -n "$dep" ]; then
  [ -f "$state/$dep" ] || { echo "fake sbatch: no job $dep" >&2; exit 1; }
  if grep -qv '^0$' "$state/$dep"; then echo "fake sbatch: dependency afterok:$dep never satisfied" >&2; exit 1; fi
fi
n=$(ls "$state" | wc -l); id=$((1000 + n))
directive() { sed -n "s/^#SBATCH --$1=//p" "$script" | head -1; }
array=$(directive array); cpus=$(directive cpus-per-task); output=$(directive output)
run_task() { # task id or empty
  local out="\${output:-slurm-%j.out}"
  out="\${out//%A/$id}"; out="\${out//%j/$id}"; out="\${out//%a/\${1:-0}}"
  if [ -n "$1" ]; then
    SLURM_JOB_ID=$id SLURM_ARRAY_JOB_ID=$id SLURM_ARRAY_TASK_ID=$1 SLURM_ARRAY_TASK_COUNT=$count \\
    SLURM_ARRAY_TASK_MIN=$lo SLURM_ARRAY_TASK_MAX=$hi SLURM_SUBMIT_DIR="$PWD" SLURM_CPUS_PER_TASK="\${cpus:-1}" \\
      bash "$script" > "$out" 2>&1
  else
    SLURM_JOB_ID=$id SLURM_SUBMIT_DIR="$PWD" SLURM_CPUS_PER_TASK="\${cpus:-1}" bash "$script" > "$out" 2>&1
  fi
  echo $? >> "$state/$id.codes"
}
: > "$state/$id.codes"
if [ -n "$array" ]; then
  lo=\${array%-*}; hi=\${array#*-}; count=$((hi - lo + 1))
  for t in $(seq "$lo" "$hi"); do run_task "$t" & done
  wait
else
  run_task ""
fi
mv "$state/$id.codes" "$state/$id"
[ "$parsable" = 1 ] && echo "$id" || echo "Submitted batch job $id"
exit 0
`;
  writeFileSync(join(binDir, "sbatch"), script);
  chmodSync(join(binDir, "sbatch"), 0o755);
}
