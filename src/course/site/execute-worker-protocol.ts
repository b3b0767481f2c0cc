/**
 * The IPC messages between workerPoolExecutor() (engine.ts) and an execute worker
 * (execute-worker.ts), in a file of their own so neither side imports the other.
 */

/** Parent → worker: execute the notebook at `file`; the reply carries the same id. */
export interface WorkerRequest {
  id: number;
  file: string;
}

/** Worker → parent: the executed notebook (nbformat v4, parsed by the parent) or the error's stack. */
export type WorkerReply = { id: number; notebook: unknown } | { id: number; error: string };
