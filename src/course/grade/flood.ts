// When a student's printing is what ran out of time or memory, the message says so.

const MB = 1024 * 1024;

/**
 * A byte count for people: "600 MB", "1.5 MB", "48 KB".
 * @example formatBytes(629145600) // => "600 MB"
 */
export function formatBytes(bytes: number): string {
  if (bytes >= 100 * MB) return `${Math.round(bytes / MB)} MB`;
  if (bytes >= MB) return `${(bytes / MB).toFixed(1)} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}

/**
 * The advice that ends a message when printing is the likely cause: printing is slow (every
 * byte crosses a pipe to the grader) and, before the sandbox's writes became blocking, was
 * queued in memory. A function that logs every integration step looks like an endless loop
 * unless the message says how much it printed.
 * @param what "time" (a timeout) or "memory" (the process died)
 */
export function floodAdvice(label: string, what: "time" | "memory"): string {
  const cause = what === "time" ? "is what ran out of time" : "is what most likely ran out of memory";
  return `printing that much ${cause} — remove the console.log calls in ${label} (the computation itself may be fine)`;
}
