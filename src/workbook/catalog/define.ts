import type { ChapterFile, Exercise, FunctionExercise, ValueExercise } from "../types";

/**
 * Constructors with the defaults every exercise shares, so each catalog entry states only
 * what is particular to it. Values: 3 significant figures publicly, 0.5 % hidden tolerance
 * (students type rounded numbers). Functions: 4 significant figures publicly, 1e-6 relative
 * hidden tolerance (both sides compute). Partial credit (credit.ts): a function is proportional
 * per check case (22 of 25 hidden cases earn 22/25 of those cases' share); a value is one answer,
 * all-or-nothing — its range checks only catch nonsense and must not pay for a wrong number.
 */
type Optional<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;

function fileOf(chapter: Exercise["chapter"]): ChapterFile {
  return `ch0${chapter}` as ChapterFile;
}

export function defineValue(
  spec: Optional<Omit<ValueExercise, "kind" | "file">, "tsType" | "sigFigs" | "tolerance" | "checks" | "answer">,
): ValueExercise {
  return {
    kind: "value",
    credit: { kind: "all-or-nothing" },
    file: fileOf(spec.chapter),
    tsType: "number",
    sigFigs: 3,
    tolerance: { rel: 5e-3 },
    checks: [],
    answer: { type: "number" },
    ...spec,
  };
}

export function defineFunction(
  spec: Optional<Omit<FunctionExercise, "kind" | "file">, "sigFigs" | "tolerance" | "answer">,
): FunctionExercise {
  return {
    kind: "function",
    credit: { kind: "proportional" },
    file: fileOf(spec.chapter),
    sigFigs: 4,
    tolerance: { rel: 1e-6, abs: 1e-12 },
    answer: { type: "number" },
    ...spec,
  };
}
