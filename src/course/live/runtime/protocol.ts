import type { Output } from "../../../core/nbformat";

/**
 * The messages between the page (LiveKernel) and the worker kernel. One file so both
 * sides agree; it holds types only and adds nothing to either bundle.
 */

/** Which cell is running: its index on the page and the label errors name ("Cell 4"). */
export interface CellRef {
  index: number;
  label: string;
}

/** Page → worker: run one cell's source. `id` pairs the replies with the request. */
export interface RunRequest {
  type: "run";
  id: number;
  code: string;
  cell: CellRef;
  /** The student id the page holds (per-student variants: variant(), check()); null: the published numbers. */
  studentId?: string | null;
}

/**
 * Page → worker, first message: where the live assets are (the lazily loaded type
 * checker sits next to worker.js; a blob worker cannot know its own folder).
 */
export interface InitRequest {
  type: "init";
  assetsUrl: string;
}

export type ToWorker = InitRequest | RunRequest;

/** Worker → page: the cell starts running now (its time limit counts from here, not from the worker's cold start). */
export interface StartedMessage {
  type: "started";
  id: number;
}

/** Worker → page: one nbformat output of the running cell. */
export interface OutputMessage {
  type: "output";
  id: number;
  output: Output;
}

/** Worker → page: the cell finished; `error` when it produced an error output. */
export interface DoneMessage {
  type: "done";
  id: number;
  status: "ok" | "error";
}

export type FromWorker = StartedMessage | OutputMessage | DoneMessage;
