/**
 * A worker process of the parallel build: one warm embedded engine that executes the
 * notebooks its parent sends over IPC, one at a time, and sends each executed notebook
 * back. Started by workerPoolExecutor() with `node --import tsx`.
 */
import { setFlagsFromString } from "node:v8";
import { embeddedExecutor } from "./engine";
import { WORKER_V8_FLAGS } from "./worker-flags";

// Set before tslab and TypeScript load, so their code is optimized under these rules.
for (const flag of WORKER_V8_FLAGS) setFlagsFromString(flag);

export interface WorkerRequest {
  id: number;
  file: string;
}
export type WorkerReply = { id: number; notebook: unknown } | { id: number; error: string };

const executor = embeddedExecutor();
process.on("message", (request: WorkerRequest) => {
  executor.execute(request.file).then(
    (notebook) => process.send?.({ id: request.id, notebook } satisfies WorkerReply),
    (error: unknown) => process.send?.({ id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies WorkerReply),
  );
});
process.on("disconnect", () => {
  executor.close();
  process.exit(0);
});
