import { describe, expect, it } from "vitest";
import {
  answerKey,
  canonicalAnswer,
  canonicalCandidates,
  hashAnswer,
  isNotAttempted,
  judgePlanned,
  matchesHash,
  normalizeAnswer,
  notAttempted,
  publicChecks,
  uniqueProbes,
  validateOutcome,
  withinTolerance,
  hints,
  type ValueExercise,
  type FunctionExercise,
  type Probe,
  type Outcome,
} from "../../src/workbook";
import { math } from "../../src";
import { invokeProbe } from "../../src/workbook/invoke";

/** A synthetic exercise, so these tests need no answer of the real catalog. */
const demoValue: ValueExercise = {
  kind: "value",
  id: "ex-0.1",
  chapter: 1,
  file: "ch01",
  points: 2,
  title: "demo value",
  prompt: "Produce `demo`: 45 µg.",
  exportName: "demo",
  answer: { type: "number", unit: "ug" },
  tsType: "number",
  tolerance: { rel: 5e-3 },
  sigFigs: 3,
  checks: [{ type: "range", name: "positive", min: 0, max: 1e6 }],
  hints: [hints.unitSlip(), hints.above("huge", 1e5, "far too large")],
};
const demoHashes = { [answerKey("ex-0.1")]: hashAnswer(answerKey("ex-0.1"), 45, 3) };

function verdictFor(
  ex: ValueExercise | FunctionExercise,
  exports: Record<string, unknown>,
  hashes: Record<string, string>,
) {
  const planned = publicChecks(ex, hashes);
  return judgePlanned(ex, planned, (p: Probe): Outcome => invokeProbe(exports, p, ex.answer, "demo.ts", 500));
}

describe("canonical rounding and hashes", () => {
  it("canonicalAnswer(45.0000001, 3) rounds to 3 significant figures in exponent form", () => {
    expect(canonicalAnswer(45.0000001, 3)).toBe("4.50e+1");
    expect(canonicalAnswer(-0, 3)).toBe("0");
    expect(canonicalAnswer(true, 3)).toBe("true");
  });
  it("canonicalCandidates(1.23449, 4, 5e-4) also offers the neighbour across the rounding boundary", () => {
    expect(canonicalCandidates(1.23449, 4, 5e-4)).toEqual(["1.234e+0", "1.235e+0"]);
  });
  it("matchesHash accepts a float near the answer and rejects a different one", () => {
    const key = answerKey("ex-0.9");
    const stored = hashAnswer(key, 0.615384615, 3);
    expect(matchesHash(key, stored, 0.6154, 3)).toBe(true);
    expect(matchesHash(key, stored, 0.61538461538, 3)).toBe(true);
    expect(matchesHash(key, stored, 0.62, 3)).toBe(false);
  });
  it("hashAnswer is salted per key: the same answer hashes differently for two exercises", () => {
    expect(hashAnswer("ex-0.1", 45, 3)).not.toBe(hashAnswer("ex-0.2", 45, 3));
    expect(hashAnswer("ex-0.1", 45, 3)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("normalisation of what a student's export produced", () => {
  it("normalizeAnswer converts a mathjs Unit to the exercise's unit", () => {
    expect(normalizeAnswer(math.unit("0.045 mg"), { type: "number", unit: "ug" })).toEqual({
      kind: "answer",
      value: expect.closeTo(45, 9),
    });
  });
  it("normalizeAnswer explains a Unit of the wrong dimension", () => {
    expect(normalizeAnswer(math.unit("5 nM"), { type: "number", unit: "ug" })).toMatchObject({
      kind: "invalid",
      message: expect.stringMatching(/wrong dimension/),
    });
  });
  it("normalizeAnswer rejects NaN, strings and objects with a message", () => {
    expect(normalizeAnswer(NaN, { type: "number" })).toMatchObject({
      kind: "invalid",
      message: expect.stringMatching(/finite number/),
    });
    expect(normalizeAnswer("45", { type: "number", unit: "ug" })).toMatchObject({
      kind: "invalid",
      message: 'expected a number in ug; received "45"',
    });
  });
  it("notAttempted(id) is recognised, also after a JSON round trip", () => {
    const marker = notAttempted<number>("ex-2.1");
    expect(isNotAttempted(marker)).toBe(true);
    expect(isNotAttempted(JSON.parse(JSON.stringify(marker)))).toBe(true);
    expect(normalizeAnswer(marker, { type: "number" })).toEqual({ kind: "not-attempted" });
  });
  it("validateOutcome accepts only the five plain shapes (for outcomes from an untrusted process)", () => {
    expect(validateOutcome({ kind: "answer", value: 3 })).toEqual({ kind: "answer", value: 3 });
    expect(validateOutcome({ kind: "answer", value: "3" }).kind).toBe("invalid");
    expect(validateOutcome({ kind: "answer", value: { valueOf: () => 3 } }).kind).toBe("invalid");
    expect(validateOutcome({ kind: "pass" }).kind).toBe("invalid");
  });
  it("withinTolerance(100.05, 100, { rel: 1e-3 }) is true; booleans must be equal", () => {
    expect(withinTolerance(100.05, 100, { rel: 1e-3 })).toBe(true);
    expect(withinTolerance(100.5, 100, { rel: 1e-3 })).toBe(false);
    expect(withinTolerance(true, false, { rel: 1 })).toBe(false);
  });
});

describe("verdicts", () => {
  it("a correct value passes with full points", () => {
    const v = verdictFor(demoValue, { demo: 45.01 }, demoHashes);
    expect(v).toMatchObject({ status: "pass", points: 2, hints: [] });
  });
  it("a Unit answer is converted before comparison", () => {
    expect(verdictFor(demoValue, { demo: math.unit("0.045 mg") }, demoHashes).status).toBe("pass");
  });
  it("an answer off by 1000 fails with the unit hint, showing what was received", () => {
    const v = verdictFor(demoValue, { demo: 0.045 }, demoHashes);
    expect(v.status).toBe("fail");
    expect(v.hints).toEqual([hints.unitSlip().message]);
    expect(v.checks.find((c) => !c.passed)?.received).toBe("0.045 ug");
    expect(v.checks.every((c) => c.expected === undefined)).toBe(true); // hashed: the expected value is never shown
  });
  it("the stub's sentinel makes the exercise not attempted: no points, no hints, no checks", () => {
    expect(verdictFor(demoValue, { demo: notAttempted("ex-0.1") }, demoHashes)).toMatchObject({
      status: "not-attempted",
      points: 0,
      checks: [],
      hints: [],
    });
  });
  it("a missing export fails with a message naming it", () => {
    const v = verdictFor(demoValue, {}, demoHashes);
    expect(v.status).toBe("fail");
    expect(v.checks[0].message).toBe("demo.ts has no export named demo");
  });
  it("a missing stored hash fails with the command that regenerates it", () => {
    expect(verdictFor(demoValue, { demo: 45 }, {}).checks.at(-1)?.message).toMatch(/npm run stubs/);
  });

  const square: FunctionExercise = {
    kind: "function",
    id: "ex-0.2",
    chapter: 1,
    file: "ch01",
    points: 1,
    title: "demo function",
    prompt: "Implement `square(x)`.",
    exportName: "square",
    signature: "(x: number): number",
    answer: { type: "number" },
    tolerance: { rel: 1e-9 },
    sigFigs: 4,
    generate: (rng) => [rng.uniform()],
    checks: [
      { type: "example", name: "square(3) = 9", args: [3], expected: 9 },
      {
        type: "property",
        name: "never negative",
        samples: (rng) => [[rng.normal()], [rng.normal()]],
        holds: (out) => (out.every((v) => (v as number) >= 0) ? true : "negative"),
      },
    ],
    hints: [],
  };
  it("a function that throws fails with the error's message", () => {
    const v = verdictFor(
      square,
      {
        square: () => {
          throw new RangeError("boom");
        },
      },
      {},
    );
    expect(v.checks[0].message).toBe("square threw RangeError: boom");
  });
  it("an endless loop is stopped and reported instead of hanging", () => {
    const v = verdictFor(
      square,
      {
        square: () => {
          for (;;) {
            /* spin */
          }
        },
      },
      {},
    );
    expect(v.status).toBe("fail");
    expect(v.checks[0].message).toMatch(/did not finish within 0.5 s/);
  });
  it("a worked example shows expected and received; a failed property says what failed", () => {
    const v = verdictFor(square, { square: (x: number) => x * 2 }, {});
    expect(v.checks[0]).toMatchObject({ passed: false, expected: "9", received: "6" });
    expect(v.checks[1]).toMatchObject({ passed: false, message: "negative" });
  });
  it("uniqueProbes lists each distinct request once (what a grader sends to the child process)", () => {
    const probes = uniqueProbes([...publicChecks(demoValue, demoHashes)]);
    expect(probes).toEqual([{ exportName: "demo" }]);
  });
});
