/**
 * The one error type the library throws for bad input. Its message names the function,
 * the argument, the rule that was broken and the value received, e.g.
 * `nca: time must be strictly increasing; received [0, 2, 1]`.
 */
export class InputError extends Error {
  override readonly name = "InputError";
  constructor(
    readonly fn: string,
    readonly arg: string,
    readonly rule: string,
    readonly received: unknown,
  ) {
    super(`${fn}: ${arg} ${rule}; received ${describeValue(received)}`);
  }
}

/** A short, readable rendering of a received value for error messages. */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value).length > 60 ? `"${value.slice(0, 57)}..."` : value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    const items = Array.from(value as ArrayLike<unknown>);
    const shown = items.slice(0, 8).map(describeValue).join(", ");
    return `[${shown}${items.length > 8 ? `, … (${items.length} values)` : ""}]`;
  }
  if (typeof value === "object" && typeof (value as { toString?: unknown }).toString === "function") {
    const text = String(value);
    if (text !== "[object Object]") return text;
  }
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
