// The grader's hash shortcut gives exactly the verdicts hashing gives.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { knownAnswersOf, registerReferenceAnswers } from "../../src/course/grade";
import {
  EXERCISES,
  publicChecks,
  type Answer,
  type Exercise,
  type JsonValue,
  type PlannedCheck,
} from "../../src/workbook";
import { answerKey, forgetKnownAnswers, matchesHash, registerKnownAnswer } from "../../src/workbook/answer-hash";
import { mistakenAnswer } from "../../src/workbook/instructor/mistakes";
import { referenceAnswer } from "../../src/workbook/instructor/reference";
import { readAnswerHashes } from "../../src/workbook/paths";
import { REFERENCE, ROOT, exercise } from "./fixtures";

const hashes = readAnswerHashes(ROOT).entries;

/**
 * Exercises that between them use every kind of hint on every kind of public case: values
 * with scaled and mistake hints (3 and 4 significant figures), function cases hashed and
 * worked examples, boolean answers, and an `above` hint. Every judgement below is made with
 * real scrypt hashes once (≈ 50 ms each), so the sample is kept to these.
 */
const SAMPLE = ["ex-1.1", "ex-2.2", "ex-2.3", "ex-3.5", "ex-4.3", "ex-5.10", "ex-6.2"].map(exercise);

/** The answers a student might send for one case: right, right within the slack, each hint's trigger, and plainly wrong. */
function plantedAnswers(ex: Exercise, reference: Answer, args?: JsonValue[]): Answer[] {
  if (typeof reference === "boolean") return [reference, !reference];
  const planted: Answer[] = [reference, reference * (1 + 3e-4), reference * 1.37, -reference];
  for (const hint of ex.hints) {
    const t = hint.trigger;
    if (t?.kind === "scaled") planted.push(...t.factors.map((f) => reference * f));
    else if (t?.kind === "above") planted.push(t.bound * 1.5);
    else {
      const wrong = mistakenAnswer(ex, hint.id, args);
      if (typeof wrong === "number") planted.push(wrong, wrong * (1 + 1e-9));
      else if (wrong !== undefined) planted.push(wrong);
    }
  }
  return planted;
}

/** Every public check that compares with a stored hash (hashed cases, values, and examples through their mistake hashes), with its planted answers. */
function cases(): Array<{ label: string; check: PlannedCheck; answers: Answer[] }> {
  return SAMPLE.flatMap((ex) =>
    publicChecks(ex, hashes)
      .filter((check) => check.probes.length === 1)
      .map((check) => {
        const args = check.probes[0].args;
        return {
          label: `${ex.id} ${check.name}`,
          check,
          answers: plantedAnswers(ex, referenceAnswer(REFERENCE, ex, args), args),
        };
      }),
  );
}

const judgeAll = () =>
  cases().map(({ label, check, answers }) => ({
    label,
    judgements: answers.map((a) => ({ answer: a, ...check.judge([a]) })),
  }));

describe("registerReferenceAnswers(exercises, hashes)", () => {
  let hashed: ReturnType<typeof judgeAll>;
  let registered: Awaited<ReturnType<typeof registerReferenceAnswers>>;
  beforeAll(async () => {
    forgetKnownAnswers();
    hashed = judgeAll();
    registered = await registerReferenceAnswers(REFERENCE, SAMPLE, hashes);
  }, 120_000);
  afterAll(() => forgetKnownAnswers());

  it("registers the answer behind every stored hash of the sample and refuses none", () => {
    const stored = SAMPLE.flatMap((ex) =>
      Object.keys(hashes).filter((k) => k.startsWith(`${ex.id}#`) || k.startsWith(`${ex.id}!`) || k === ex.id),
    );
    expect(registered).toEqual({ registered: stored.length, refused: [] });
  });

  it("gives every planted answer (right, within the slack, each hint's trigger, wrong) the verdict, message and hints hashing gives", () => {
    const shortcut = judgeAll();
    expect(shortcut).toEqual(hashed);
    // The sample does exercise what it claims: passes, failures, scaled and mistake hints.
    const all = hashed.flatMap((c) => c.judgements);
    expect(all.some((j) => j.passed)).toBe(true);
    expect(all.some((j) => !j.passed && (j.hints ?? []).length === 0)).toBe(true);
    const hints = new Set(all.flatMap((j) => j.hints ?? []));
    for (const ex of SAMPLE)
      for (const hint of ex.hints) expect(hints.has(hint.message), `${ex.id} ${hint.id} never fired`).toBe(true);
  });
});

describe("knownAnswersOf(exercise)", () => {
  it("names an answer for every key of answer-hashes.json, as `npm run stubs` hashed them", () => {
    const named = new Set(EXERCISES.flatMap((ex) => knownAnswersOf(REFERENCE, ex).map((p) => p.key)));
    expect(Object.keys(hashes).filter((k) => !named.has(k))).toEqual([]);
  });
});

describe("registerKnownAnswer(key, stored, value, sigFigs)", () => {
  afterAll(() => forgetKnownAnswers());
  it("refuses a value whose hash is not the stored one, and matchesHash keeps hashing for that key", async () => {
    const ex = exercise("ex-1.2");
    const key = answerKey(ex.id);
    const reference = referenceAnswer(REFERENCE, ex) as number;
    expect(await registerKnownAnswer(key, hashes[key], reference * 2, ex.sigFigs)).toBe(false);
    expect(matchesHash(key, hashes[key], reference, ex.sigFigs)).toBe(true);
    expect(matchesHash(key, hashes[key], reference * 2, ex.sigFigs)).toBe(false);
  });
  it("refuses a value that is not finite", async () => {
    expect(await registerKnownAnswer("ex-1.2", hashes["ex-1.2"], Number.NaN, 3)).toBe(false);
  });
});
