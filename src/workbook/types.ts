import type { Random } from "../core";

/**
 * The exercise model. An exercise is DATA: id, points, kind, the export to read or call,
 * the argument generators, the tolerance and the checks. Every check is split into
 * *probes* (plain-JSON requests: "read export X" or "call export X with these arguments")
 * and a *judge* that runs on the trusted side over the probes' outcomes. Inside a notebook
 * the probes run in-process; the grader runs them in an isolated child process over IPC and
 * judges in the parent, with the same specs and the same judges.
 */

/** JSON values: what crosses the process boundary, as arguments and as answers. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** An answer after normalisation: a finite number (in the exercise's stated unit) or a boolean. */
export type Answer = number | boolean;

/** |received − expected| ≤ abs + rel · |expected| (booleans must be equal). */
export interface Tolerance {
  rel: number;
  abs?: number;
}

/** The shape of an answer and, for numbers, the unit it is stated in (a mathjs Unit answer is converted to it). */
export type AnswerSpec = { type: "number"; unit?: string; label?: string } | { type: "boolean" };

/** The chapter files students edit: exercises/chNN.ts (the reference solutions mirror them). */
export type ChapterFile = "ch01" | "ch02" | "ch03" | "ch04" | "ch05" | "ch06";

/** One request to the student's module. `args` absent: read a value export; present: call a function export. */
export interface Probe {
  exportName: string;
  args?: JsonValue[];
}

/** What a probe produced, normalised; always plain JSON. */
export type Outcome =
  | { kind: "answer"; value: Answer }
  | { kind: "not-attempted" }
  | { kind: "missing"; message: string }
  | { kind: "invalid"; message: string }
  | { kind: "error"; message: string };

/**
 * What a hint predicate may ask about the case being judged, without seeing any answer:
 * publicly both questions are answered by comparing salted hashes; when grading, by the
 * reference solution and the instructor-only catalogue of mistaken answers.
 */
export interface HintContext {
  /** True when `candidate` matches the expected answer of the case being judged. */
  isExpected(candidate: Answer): boolean;
  /** True when `candidate` matches what the named classic mistake produces for this case. */
  isMistake(hintId: string, candidate: Answer): boolean;
  /** The arguments of the case (functions only). */
  args?: readonly JsonValue[];
}

/**
 * A targeted hint for a classic mistake: a predicate on the received answer relative to the
 * expected one (or to the mistaken answer, see `mistake()` in hints.ts), and a message that
 * teaches. Evaluated only when a check fails.
 */
export interface Hint {
  /** Short id used in tests and reports, e.g. "unit-1000". */
  id: string;
  message: string;
  when(received: Answer, ctx: HintContext): boolean;
  /** How the hint recognises the mistake, for tests and tooling that plant it: a scale factor, a bound, or a catalogued mistake. */
  trigger?: { kind: "scaled"; factors: readonly number[] } | { kind: "above"; bound: number } | { kind: "mistake" };
}

/** A worked example quoted from the source text: expected value shown in clear. */
export interface ExampleCheck {
  type: "example";
  name: string;
  args: JsonValue[];
  expected: Answer;
  tolerance?: Tolerance;
}

/** A fixed input whose expected output is stored only as a salted slow hash (key `${id}#${key}`). */
export interface HashedCaseCheck {
  type: "hashed";
  key: string;
  name: string;
  args: JsonValue[];
}

/** A property over seeded random inputs: `holds` returns true, or a message saying what failed. */
export interface PropertyCheck {
  type: "property";
  name: string;
  /** Seeded argument lists; a property may need several calls per sample (e.g. dose and 2 × dose). */
  samples(rng: Random): JsonValue[][];
  holds(outputs: Answer[], args: JsonValue[][]): true | string;
}

/** A range every correct value lies in (e.g. a fraction in [0, 1]); safe to state publicly. */
export interface RangeCheck {
  type: "range";
  name: string;
  min: number;
  max: number;
}

export type PublicCheckSpec = ExampleCheck | HashedCaseCheck | PropertyCheck | RangeCheck;

/**
 * How an exercise's points follow from its check cases (see credit.ts). "proportional" (the
 * default of defineFunction, and when absent): points × cases passed / cases, over every check;
 * "all-or-nothing" (the default of defineValue: one answer): the points only when every case passes; "weights": each check's share of
 * the points, by check name, or "public" / "hidden" for every other check of that visibility,
 * each check earning its weight × its own fraction of cases passed.
 */
export type CreditPolicy =
  | { kind: "all-or-nothing" }
  | { kind: "proportional" }
  | { kind: "weights"; weights: Readonly<Record<string, number>> };

/** Cases of one check: a hidden comparison over 25 generated inputs counts 25, most checks count 1. */
export interface CaseCount {
  passed: number;
  total: number;
}

interface ExerciseBase {
  /** "ex-<chapter>.<n>" */
  id: string;
  chapter: 1 | 2 | 3 | 4 | 5 | 6;
  file: ChapterFile;
  points: number;
  /** Partial credit per check case; absent means "proportional" (see define.ts for the catalog's defaults). */
  credit?: CreditPolicy;
  title: string;
  /** Markdown: the situation, the data, exactly what to produce and in which unit. */
  prompt: string;
  /** A varied exercise's prompt with `{param}` placeholders (src/workbook/variants); `prompt` is it filled with the defaults. */
  promptTemplate?: string;
  /** The export the student writes in exercises/<file>.ts. */
  exportName: string;
  answer: AnswerSpec;
  /** Hidden comparison with the reference. */
  tolerance: Tolerance;
  /** Significant figures of the canonical rounding before hashing. */
  sigFigs: number;
  /** Relative slack around the rounding in the public comparison (default 5e-4; 0 for counts). */
  slack?: number;
  hints: Hint[];
  /** The pitfalls of the text this exercise trains (for the docs and the instructor). */
  pitfalls?: string[];
  /** The part of the source text the exercise is built on. */
  source?: string;
}

/** Compute a value: `export const <exportName>: <tsType> = …`. Public check: hashed value (+ optional ranges). */
export interface ValueExercise extends ExerciseBase {
  kind: "value";
  /** TypeScript type of the export in the stub, e.g. "number". */
  tsType: string;
  checks: RangeCheck[];
}

/** Implement a function: `export function <exportName><signature> { … }`. */
export interface FunctionExercise extends ExerciseBase {
  kind: "function";
  /** Parameter list and return type exactly as in the stub, e.g. "(time: number[], conc: number[]): number". */
  signature: string;
  /** Random valid argument lists for hidden comparisons with the reference (seeded). */
  generate(rng: Random): JsonValue[];
  /** How many generated cases the hidden check compares (default 25). */
  hiddenCases?: number;
  checks: Array<ExampleCheck | HashedCaseCheck | PropertyCheck>;
}

export type Exercise = ValueExercise | FunctionExercise;

/** The result of one check. Hidden checks never carry inputs or expected values. */
export interface CheckResult {
  name: string;
  visibility: "public" | "hidden";
  passed: boolean;
  /** A sanity check (a range, a property): it can fail an exercise but earns no proportional credit. */
  sanity?: boolean;
  /** Cases passed of the check's cases (set by judgePlanned; a single-case check counts 1). */
  cases?: CaseCount;
  message?: string;
  expected?: string;
  received?: string;
}

export type VerdictStatus = "pass" | "fail" | "not-attempted";

/** Everything a student (or the grader's feedback page) is told about one exercise. */
export interface Verdict {
  id: string;
  title: string;
  file: ChapterFile;
  exportName: string;
  status: VerdictStatus;
  /** Points earned under the exercise's credit policy, rounded to 0.01 (see credit.ts). */
  points: number;
  maxPoints: number;
  checks: CheckResult[];
  hints: string[];
  /**
   * The hidden checks are not in this verdict: "pending" when it was judged without them (the
   * notebook, `npm run check`, the live site: they run when graded), "withheld" when they were
   * graded but the instructor has not released them (the points are then held back too).
   */
  hidden?: "pending" | "withheld";
  /** Set when the exercises file could not be loaded (syntax error, import error). */
  loadError?: string;
}

/** A check ready to run: the probes to send and the judge to apply (trusted side). */
export interface PlannedCheck {
  name: string;
  visibility: "public" | "hidden";
  probes: Probe[];
  /**
   * A range or a property: true of many wrong answers too (a constant can be "positive"), so it
   * earns no proportional credit; it still counts for all-or-nothing and for named weights.
   */
  sanity?: boolean;
  /** How many cases the check counts for partial credit (default 1; the hidden comparison counts its generated inputs). */
  cases?: number;
  judge(answers: Answer[]): CheckJudgement;
}

export interface CheckJudgement {
  passed: boolean;
  /** Cases passed, for a check of several cases (`total` must equal the planned check's `cases`). */
  cases?: CaseCount;
  message?: string;
  expected?: string;
  received?: string;
  hints?: string[];
}

/** Where hidden checks come from: the caller passes them in (instructor edition only; see src/workbook/instructor/hidden-checks.ts). */
export interface HiddenCheckSource {
  checksFor(exercise: Exercise): PlannedCheck[];
  /**
   * A varied value exercise graded for one student, in place of its public checks and checksFor:
   * the exercise (with the credit policy of variants) and the checks against the reference
   * evaluated with THAT student's numbers, as the grader's `--variants` grades it.
   */
  variantGrading?(exercise: Exercise, studentId: string): { exercise: Exercise; checks: PlannedCheck[] };
}
