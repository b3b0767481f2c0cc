// The messages between the grader and its transpile worker (transpile-worker.ts).

/** What the worker is started with. */
export interface TranspileWorkerData {
  /** Absolute path of the project's `typescript` package entry. */
  typescript: string;
}

/** Grader → worker: one student file. */
export interface TranspileRequest {
  id: number;
  /** The name students know, e.g. "exercises/ch02.ts" (used in messages). */
  label: string;
  source: string;
}

/** Worker → grader: the JavaScript, the first syntax error, or what TypeScript threw (e.g. a stack overflow). */
export type TranspileReply =
  | { kind: "js"; js: string }
  | { kind: "syntax-error"; message: string; errorCount: number }
  | { kind: "threw"; name: string; message: string };

export type TranspileWorkerMessage = { ready: true } | { id: number; reply: TranspileReply };
