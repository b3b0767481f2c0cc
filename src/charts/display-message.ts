/**
 * A Jupyter display message as tslab's display API sends it to the front end: one MIME
 * bundle, with an optional display id for updates. The one definition used by show(),
 * displayRich(), the embedded engine (src/course/execute) and the live worker.
 */
export interface DisplayMessage {
  data: Record<string, unknown>;
  metadata?: Record<string, unknown>;
  transient?: { display_id?: string };
}

/** Sends a display message; `update` replaces the output with the same display id. */
export type DisplayWriter = (message: DisplayMessage, update: boolean) => void;
