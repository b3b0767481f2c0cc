/**
 * A worker process of the parallel build: one warm embedded engine that executes the
 * notebooks its parent sends over IPC, one at a time, and sends each executed notebook
 * back. Started by workerPoolExecutor() with `node --import tsx`.
 */
import { setFlagsFromString } from "node:v8";
import { embeddedExecutor } from "./engine";
import type { WorkerReply, WorkerRequest } from "./execute-worker-protocol";

/**
 * V8 flags of this worker, set before tslab and TypeScript load. A tslab engine keeps one
 * core busy with its main thread and about another with V8's background threads, most of it TurboFan
 * re-optimizing the TypeScript compiler's large functions with everything inlined (measured
 * for the course: 12 s main thread, 9 s background). With two workers on two cores that
 * background work competes with the main threads. Without inlining and on-stack
 * replacement TurboFan compiles far less, for nearly the same speed of compiled code:
 * the cold build on 2 cores took ~14.5 s instead of ~17.8 s (25 s CPU instead of 32 s).
 * Optimization tiers never change what code computes, so the executed notebooks are the
 * same (test/site/parallel.test.ts compares them with an in-process run).
 * Set with v8.setFlagsFromString, which ignores flags a future V8 no longer knows.
 */
for (const flag of ["--no-turbo-inlining", "--no-use-osr"]) setFlagsFromString(flag);

const executor = embeddedExecutor();
process.on("message", (request: WorkerRequest) => {
  executor.execute(request.file).then(
    (notebook) => process.send?.({ id: request.id, notebook } satisfies WorkerReply),
    (error: unknown) =>
      process.send?.({
        id: request.id,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      } satisfies WorkerReply),
  );
});
process.on("disconnect", () => {
  executor.close();
  process.exit(0);
});
