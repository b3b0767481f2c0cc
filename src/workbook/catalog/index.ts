import type { ChapterFile, Exercise } from "../types";
import { chapter1 } from "./ch01";
import { chapter2 } from "./ch02";
import { chapter3 } from "./ch03";
import { chapter4 } from "./ch04";
import { chapter5 } from "./ch05";
import { chapter6 } from "./ch06";

/** Every exercise of the course, in chapter order. */
export const EXERCISES: readonly Exercise[] = [
  ...chapter1,
  ...chapter2,
  ...chapter3,
  ...chapter4,
  ...chapter5,
  ...chapter6,
];

const byId = new Map(EXERCISES.map((e) => [e.id, e]));

/** The exercise with this id. @throws {Error} naming the known ids when there is none */
export function getExercise(id: string): Exercise {
  const ex = byId.get(id);
  if (!ex) throw new Error(`unknown exercise "${id}"; known: ${EXERCISES.map((e) => e.id).join(", ")}`);
  return ex;
}

/** The chapter files, in order, and their exercises. */
export function exercisesByFile(): Map<ChapterFile, Exercise[]> {
  const map = new Map<ChapterFile, Exercise[]>();
  for (const e of EXERCISES) map.set(e.file, [...(map.get(e.file) ?? []), e]);
  return map;
}
