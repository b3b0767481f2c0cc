/**
 * The messages between the page (LiveKernel) and the type-checker worker (worker.ts). Types
 * only: nothing of this file reaches either bundle.
 */

/**
 * Page → checker: type-check a cell before it runs; with `commit`, a cell that already ran
 * unchecked (before the checker was ready): its declarations count at once if it passes.
 */
export interface CheckRequest {
  type: "check";
  id: number;
  code: string;
  commit: boolean;
}

/** Page → checker: the cell last checked ran without error; later cells see these declarations. */
export interface CommitRequest {
  type: "commit";
  declarations: string;
}

/** Page → checker: the kernel restarted; no cell has run. */
export interface ResetRequest {
  type: "reset";
}

export type ToChecker = CheckRequest | CommitRequest | ResetRequest;

/** Checker → page, once: loaded (or not, and why). */
export type CheckerStatus = { type: "ready" } | { type: "failed"; message: string };

/**
 * Checker → page: a cell's verdict. `diagnostics` are tslab's printed lines; `failed` says
 * the checker itself broke on this cell (the cell then runs unchecked).
 */
export type CheckReply =
  | { type: "checked"; id: number; ok: true; declarations: string }
  | { type: "checked"; id: number; ok: false; diagnostics: string[] }
  | { type: "checked"; id: number; ok: "failed"; message: string };

export type FromChecker = CheckerStatus | CheckReply;
