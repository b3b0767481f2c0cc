// How a sandbox process is started: permission flags, user, network, limits.
import { spawnSync } from "node:child_process";

/**
 * What the operating system lets us add around Node's permission model, probed once per run:
 * - running as root: drop to `nobody` (uid/gid 65534);
 * - `unshare --net` works: a private network namespace with no interfaces up, so the student
 *   code has no network (Node 20's permission model does not cover the network);
 * - `prlimit` exists: an address-space limit, which also caps Buffers and ArrayBuffers that
 *   live outside the V8 heap (--max-old-space-size only caps the heap).
 */
export interface Isolation {
  /** uid/gid the student code runs as, or undefined when we are not root. */
  user?: { uid: number; gid: number };
  /** A fresh network namespace per sandbox. */
  privateNetwork: boolean;
  /** Address-space limit through prlimit. */
  addressSpaceLimit: boolean;
}

const NOBODY = 65534;

function works(command: string, args: string[]): boolean {
  try {
    return spawnSync(command, args, { stdio: "ignore", timeout: 5000 }).status === 0;
  } catch {
    return false;
  }
}

let probed: Isolation | undefined;

/** Probe the machine (cached). `GRADER_NO_UNSHARE=1` turns the network namespace off. */
export function probeIsolation(): Isolation {
  if (probed) return probed;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const result: Isolation = {
    privateNetwork: process.env.GRADER_NO_UNSHARE !== "1" && works("unshare", ["--net", "--", "true"]),
    addressSpaceLimit: works("prlimit", ["--as=1073741824", "--", "true"]),
  };
  if (isRoot) result.user = { uid: NOBODY, gid: NOBODY };
  probed = result;
  return result;
}

/** One line for the log and the summary page: what is and is not denied. */
export function describeIsolation(iso: Isolation): string {
  return [
    "Node permission model: reads only its own copy of the submission and the grader runtime, writes only a scratch folder; no child processes, workers, addons, WASI or inspector",
    iso.user ? `runs as uid ${iso.user.uid} (nobody)` : "runs as the current user (not root, so no user switch)",
    iso.privateNetwork
      ? "network denied (private network namespace)"
      : "network NOT denied (unshare --net unavailable)",
    iso.addressSpaceLimit
      ? "address space limited (prlimit --as)"
      : "only the V8 heap is limited (prlimit unavailable)",
  ].join("; ");
}

export interface SandboxPaths {
  childScript: string;
  /** Start from this V8 startup snapshot instead of child.js (see snapshot-entry.ts). */
  snapshotBlob?: string;
  libraryBundle: string;
  runtimeDir: string;
  /** The private copy: <dir>/exercises holds the transpiled files. */
  submissionDir: string;
  scratchDir: string;
}

export interface SandboxLimits {
  memoryMb: number;
  /** CPU seconds before the kernel kills the process (RLIMIT_CPU): a backstop should the grader itself die and orphan a looping sandbox. */
  cpuSeconds: number;
}

/** The command line of one sandbox process: [command, ...args]. */
export function sandboxCommand(paths: SandboxPaths, limits: SandboxLimits, iso: Isolation): string[] {
  const node = [
    process.execPath,
    ...(paths.snapshotBlob ? ["--snapshot-blob", paths.snapshotBlob] : []),
    "--experimental-permission",
    `--allow-fs-read=${paths.runtimeDir}/`,
    `--allow-fs-read=${paths.submissionDir}/`,
    `--allow-fs-write=${paths.scratchDir}/`,
    `--max-old-space-size=${limits.memoryMb}`,
    "--no-warnings",
    ...(paths.snapshotBlob ? [] : [paths.childScript]),
    paths.libraryBundle,
    `${paths.submissionDir}/exercises`,
  ];
  const wrapped = iso.addressSpaceLimit
    ? [
        "prlimit",
        `--as=${Math.max(2048, limits.memoryMb * 8) * 1024 * 1024}`,
        `--cpu=${Math.ceil(limits.cpuSeconds)}`,
        "--",
        ...node,
      ]
    : node;
  if (iso.privateNetwork) {
    const user = iso.user ? ["--setgid", String(iso.user.gid), "--setuid", String(iso.user.uid)] : [];
    return ["unshare", "--net", ...user, "--", ...wrapped];
  }
  return wrapped;
}
