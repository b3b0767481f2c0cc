import { assertStudentId, resetSlot, setSlotId, slotId } from "./id-slot";

/**
 * Browser twin of student-id.ts (the live course): no environment, no files. The page keeps the
 * id the student typed in localStorage and sends it with every cell to the worker, which sets it
 * here (src/course/live/runtime/worker.ts).
 */
export const STUDENT_CONFIG_FILE = "workbook.json";

export interface StudentIdSource {
  id: string;
  from: string;
}

export function studentIdSource(): StudentIdSource | undefined {
  const set = slotId();
  return typeof set === "string" ? { id: set, from: "setStudentId" } : undefined;
}

export function currentStudentId(): string | undefined {
  return studentIdSource()?.id;
}

export function setStudentId(id: string | null): void {
  if (id !== null) assertStudentId("setStudentId", "id", id);
  setSlotId(id);
}

export function forgetStudentId(): void {
  resetSlot();
}
