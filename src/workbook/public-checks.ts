import { createRandom } from "../core";
import { answerKey, DEFAULT_SLACK, exampleCaseKey, matchesHash, mistakeKey } from "./answer-hash";
import { showReceived } from "./normalize";
import { seedFromText } from "./seeds";
import { withinTolerance } from "./tolerance";
import type { Answer, Exercise, Hint, HintContext, JsonValue, PlannedCheck } from "./types";

/**
 * The public checks of an exercise, ready to run: what students see and can run. They never
 * need the reference answer in clear: worked examples quote the source text, hashed cases
 * compare salted slow hashes, properties and ranges hold for every correct answer.
 */

/** The hints whose predicate fires for this received answer. */
export function firingHints(hints: readonly Hint[], received: Answer, ctx: HintContext): string[] {
  const out: string[] = [];
  for (const hint of hints) {
    try {
      if (hint.when(received, ctx)) out.push(hint.message);
    } catch {
      // a hint predicate must never turn feedback into a crash
    }
  }
  return out;
}

function unitSuffix(ex: Exercise): string {
  return ex.answer.type === "number" && ex.answer.unit ? ` ${ex.answer.unit}` : "";
}

/** "Is this the mistaken answer of hint h for this case?", by the stored hash of that mistaken answer. */
function mistakeMatcher(ex: Exercise, caseKey: string, hashes: Readonly<Record<string, string>>) {
  return (hintId: string, candidate: Answer) => {
    const key = mistakeKey(caseKey, hintId);
    const stored = hashes[key];
    return stored !== undefined && matchesHash(key, stored, candidate, ex.sigFigs, 0);
  };
}

function hashedJudge(ex: Exercise, key: string, hashes: Readonly<Record<string, string>>, args?: JsonValue[]) {
  const stored = hashes[key];
  return (answers: Answer[]) => {
    const received = answers[0];
    if (stored === undefined) {
      return {
        passed: false,
        message: `no stored answer hash for ${key}: run \`npm run stubs\` to regenerate src/workbook/answer-hashes.json`,
      };
    }
    if (matchesHash(key, stored, received, ex.sigFigs, ex.slack ?? DEFAULT_SLACK)) return { passed: true };
    // Hints ask about exact transforms of the received answer (received/1000, …): one hash each, no slack.
    const isExpected = (x: Answer) => matchesHash(key, stored, x, ex.sigFigs, 0);
    return {
      passed: false,
      message: `does not match the expected value at ${ex.sigFigs} significant figures`,
      received: `${showReceived(received)}${unitSuffix(ex)}`,
      hints: firingHints(ex.hints, received, {
        isExpected,
        isMistake: mistakeMatcher(ex, key, hashes),
        ...(args ? { args } : {}),
      }),
    };
  };
}

/** Build the public planned checks of one exercise. `hashes` maps answer keys to stored hashes. */
export function publicChecks(ex: Exercise, hashes: Readonly<Record<string, string>>): PlannedCheck[] {
  const checks: PlannedCheck[] = [];
  if (ex.kind === "value") {
    const probe = { exportName: ex.exportName };
    for (const range of ex.checks) {
      checks.push({
        name: range.name,
        visibility: "public",
        sanity: true,
        probes: [probe],
        judge: ([v]) =>
          typeof v === "number" && v >= range.min && v <= range.max
            ? { passed: true }
            : {
                passed: false,
                message: `expected a value between ${range.min} and ${range.max}${unitSuffix(ex)}`,
                received: `${showReceived(v)}${unitSuffix(ex)}`,
              },
      });
    }
    const key = answerKey(ex.id);
    checks.push({
      name: `matches the expected value (${ex.sigFigs} significant figures)`,
      visibility: "public",
      probes: [probe],
      judge: hashedJudge(ex, key, hashes),
    });
    return checks;
  }
  const rng = createRandom(seedFromText(`public/${ex.id}`));
  let exampleIndex = 0;
  for (const spec of ex.checks) {
    if (spec.type === "example") {
      const tolerance = spec.tolerance ?? ex.tolerance;
      const isMistake = mistakeMatcher(ex, answerKey(ex.id, exampleCaseKey(exampleIndex++)), hashes);
      checks.push({
        name: spec.name,
        visibility: "public",
        probes: [{ exportName: ex.exportName, args: spec.args }],
        judge: ([v]) => {
          const isExpected = (x: Answer) => withinTolerance(x, spec.expected, tolerance);
          if (isExpected(v)) return { passed: true };
          return {
            passed: false,
            message: "differs from the worked example",
            expected: `${showReceived(spec.expected)}${unitSuffix(ex)}`,
            received: `${showReceived(v)}${unitSuffix(ex)}`,
            hints: firingHints(ex.hints, v, { isExpected, isMistake, args: spec.args }),
          };
        },
      });
    } else if (spec.type === "hashed") {
      const key = answerKey(ex.id, spec.key);
      checks.push({
        name: spec.name,
        visibility: "public",
        probes: [{ exportName: ex.exportName, args: spec.args }],
        judge: hashedJudge(ex, key, hashes, spec.args),
      });
    } else {
      const samples = spec.samples(rng.fork());
      checks.push({
        name: spec.name,
        visibility: "public",
        sanity: true,
        probes: samples.map((args) => ({ exportName: ex.exportName, args })),
        judge: (outputs) => {
          const result = spec.holds(outputs, samples);
          return result === true ? { passed: true } : { passed: false, message: result };
        },
      });
    }
  }
  return checks;
}
