import { InputError } from "../../core/errors";

/**
 * The student id a process (notebook kernel, CLI, grader sandbox, live worker) works under,
 * kept in ONE global slot under a Symbol.for key: the notebook's copy of the workbook, the
 * copy an answers file imports and the reference solutions the grader re-evaluates may be
 * different module instances, and they must all see the same id.
 */
const SLOT = Symbol.for("microdosing-workbook.studentId");

/** What a student id may look like: a roster login or number, no spaces or path characters. */
export const STUDENT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@+-]{0,63}$/;

/**
 * The id, checked.
 * @throws {InputError} naming fn and arg when id is not a string of 1–64 letters, digits, ".", "_", "@", "+" or "-"
 */
export function assertStudentId(fn: string, arg: string, id: unknown): string {
  if (typeof id !== "string" || !STUDENT_ID_PATTERN.test(id))
    throw new InputError(
      fn,
      arg,
      "must be 1–64 letters, digits, '.', '_', '@', '+' or '-', starting with a letter or digit",
      id,
    );
  return id;
}

type Slot = { id: string | null } | undefined;

function slot(): Slot {
  return (globalThis as unknown as Record<symbol, Slot>)[SLOT];
}

/** The id set in this process (a string), explicitly cleared (null), or never set (undefined). */
export function slotId(): string | null | undefined {
  return slot()?.id;
}

/** Set (a string) or clear (null) the id of this process. */
export function setSlotId(id: string | null): void {
  (globalThis as unknown as Record<symbol, Slot>)[SLOT] = { id };
}

/** Forget any explicit setting: the id comes from the environment / config file again (Node). */
export function resetSlot(): void {
  delete (globalThis as unknown as Record<symbol, Slot>)[SLOT];
}

/**
 * Run `fn` with the id set to `id` (null: the default variant), then restore what was there:
 * the grader evaluates the reference solutions once per student this way.
 */
export function withSlotId<T>(id: string | null, fn: () => T): T {
  const before = slot();
  setSlotId(id);
  try {
    return fn();
  } finally {
    if (before === undefined) resetSlot();
    else setSlotId(before.id);
  }
}
