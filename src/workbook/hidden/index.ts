// @instructor-only — hidden checks: never shipped in the student edition (see src/course/release).
import * as ch01 from "../../../solutions/ch01";
import * as ch02 from "../../../solutions/ch02";
import * as ch03 from "../../../solutions/ch03";
import * as ch04 from "../../../solutions/ch04";
import * as ch05 from "../../../solutions/ch05";
import * as ch06 from "../../../solutions/ch06";
import { createRandom } from "../../core";
import { normalizeAnswer } from "../normalize";
import { isMistakeFor } from "./mistakes";
import { firingHints } from "../public-checks";
import { seedFromText } from "../seeds";
import { describeTolerance, withinTolerance } from "../tolerance";
import type { Answer, ChapterFile, Exercise, HiddenCheckSource, JsonValue, PlannedCheck } from "../types";

/**
 * The grading checks. They compare the student's work with the reference solution on
 * exact parameters (values) and on seeded random inputs (functions), with the tolerance the
 * exercise states. Their inputs and expected values never appear in a verdict: a failed
 * hidden check says how many cases differ, and which classic mistake it looks like.
 *
 * The reference modules are imported statically: this file runs only on the trusted side
 * (the instructor's checks and the grader's parent process).
 */
const REFERENCE: Partial<Record<ChapterFile, Record<string, unknown>>> = { ch01, ch02, ch03, ch04, ch05, ch06 };

/** Seed of the hidden cases; an instructor may rotate it per term (`WORKBOOK_HIDDEN_SEED`). */
export function hiddenSeed(): number {
  return Number(process.env.WORKBOOK_HIDDEN_SEED ?? 60611);
}

function referenceExport(ex: Exercise): unknown {
  const mod = REFERENCE[ex.file];
  if (!mod || !(ex.exportName in mod)) throw new Error(`no reference for ${ex.id} (${ex.exportName} in solutions/${ex.file}.ts)`);
  return mod[ex.exportName];
}

/** The reference answer of a value exercise, or of a function exercise for these arguments. */
export function referenceAnswer(ex: Exercise, args?: JsonValue[]): Answer {
  const target = referenceExport(ex);
  const raw = ex.kind === "function" ? (target as (...a: unknown[]) => unknown)(...structuredClone(args ?? [])) : target;
  const outcome = normalizeAnswer(raw, ex.answer);
  if (outcome.kind !== "answer") throw new Error(`the reference of ${ex.id} gave no answer (${outcome.kind})`);
  return outcome.value;
}

/** The hidden cases of a function exercise: seeded, valid arguments with their reference outputs. */
export function hiddenCases(ex: Exercise & { kind: "function" }, seed = hiddenSeed()): Array<{ args: JsonValue[]; expected: Answer }> {
  const rng = createRandom(seedFromText(`hidden/${seed}/${ex.id}`));
  const count = ex.hiddenCases ?? 25;
  const cases: Array<{ args: JsonValue[]; expected: Answer }> = [];
  for (let attempt = 0; cases.length < count && attempt < count * 20; attempt++) {
    const args = ex.generate(rng);
    try {
      cases.push({ args, expected: referenceAnswer(ex, args) });
    } catch {
      // the generator produced inputs the reference rejects; draw again
    }
  }
  if (cases.length < count) throw new Error(`${ex.id}: the generator produced too few valid hidden cases`);
  return cases;
}

function valueCheck(ex: Exercise): PlannedCheck {
  const expected = referenceAnswer(ex);
  const tolerance = describeTolerance(ex.tolerance);
  return {
    name: `equals the reference value ${tolerance}`,
    visibility: "hidden",
    probes: [{ exportName: ex.exportName }],
    judge: ([v]) => {
      const isExpected = (x: Answer) => withinTolerance(x, expected, ex.tolerance);
      if (isExpected(v)) return { passed: true };
      return { passed: false, message: `differs from the reference value by more than the tolerance (${tolerance})`, hints: firingHints(ex.hints, v, { isExpected, isMistake: isMistakeFor(ex) }) };
    },
  };
}

function functionCheck(ex: Exercise & { kind: "function" }): PlannedCheck {
  const cases = hiddenCases(ex);
  return {
    name: `agrees with the reference on ${cases.length} random inputs ${describeTolerance(ex.tolerance)}`,
    visibility: "hidden",
    probes: cases.map((c) => ({ exportName: ex.exportName, args: c.args })),
    judge: (outputs) => {
      const wrong = cases.map((c, i) => ({ c, out: outputs[i] })).filter(({ c, out }) => !withinTolerance(out, c.expected, ex.tolerance));
      if (wrong.length === 0) return { passed: true };
      const first = wrong[0];
      return {
        passed: false,
        message: `${wrong.length} of ${cases.length} hidden cases differ from the reference`,
        hints: firingHints(ex.hints, first.out, { isExpected: (x) => withinTolerance(x, first.c.expected, ex.tolerance), isMistake: isMistakeFor(ex, first.c.args), args: first.c.args }),
      };
    },
  };
}

export const hiddenChecks: HiddenCheckSource = {
  checksFor(ex: Exercise): PlannedCheck[] {
    return [ex.kind === "value" ? valueCheck(ex) : functionCheck(ex)];
  },
};
