// Partial credit per check case: the three policies, the rounding, and the honest wording without hidden checks.
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors";
import { creditPoints, roundPoints, sumPoints } from "../../src/workbook/credit";
import { renderVerdictHtml, renderVerdictText, summarize } from "../../src/workbook/render";
import { renderCheckReport } from "../../src/workbook/check-report";
import type { CheckResult, CreditPolicy, Exercise, PlannedCheck, Verdict } from "../../src/workbook/types";
import { judgePlanned } from "../../src/workbook/verdict";

const pub = (name: string, passed: boolean): CheckResult => ({ name, visibility: "public", passed });
const hid = (passed: number, total: number): CheckResult => ({
  name: "agrees with the reference",
  visibility: "hidden",
  passed: passed === total,
  cases: { passed, total },
});
/** 4 of 6 public checks and 22 of 25 hidden cases: the example. */
const CHECKS = [...["a", "b", "c", "d"].map((n) => pub(n, true)), pub("e", false), pub("f", false), hid(22, 25)];

describe("creditPoints", () => {
  it("proportional (the default): points × cases passed / cases", () => {
    expect(creditPoints(3, CHECKS)).toBe(roundPoints((3 * 26) / 31));
    expect(creditPoints(3, CHECKS)).toBe(2.52);
    expect(creditPoints(3, [hid(22, 25)], { kind: "proportional" })).toBe(2.64);
  });
  it("all-or-nothing: the points only when every case passes", () => {
    expect(creditPoints(3, CHECKS, { kind: "all-or-nothing" })).toBe(0);
    expect(creditPoints(3, [pub("a", true), hid(25, 25)], { kind: "all-or-nothing" })).toBe(3);
  });
  it("weights: each check's weight × its fraction of cases, by name or by visibility", () => {
    const policy: CreditPolicy = { kind: "weights", weights: { public: 1, hidden: 4, e: 0 } };
    // public a–d, f: weight 1 each (4 passed), e: 0, hidden 4 × 22/25; sum of weights 9
    expect(creditPoints(3, CHECKS, policy)).toBe(roundPoints((3 * (4 + (4 * 22) / 25)) / 9));
    expect(creditPoints(3, CHECKS, policy)).toBe(2.51);
  });
  it("weights must cover every check and not sum to 0", () => {
    expect(() => creditPoints(3, CHECKS, { kind: "weights", weights: { public: 1 } })).toThrow(
      /give check "agrees with the reference" \(or every hidden check\) a finite weight/,
    );
    expect(() => creditPoints(3, [pub("a", true)], { kind: "weights", weights: { a: 0 } })).toThrow(
      /sum to more than 0/,
    );
  });
  it("refuses an impossible case count", () => expect(() => creditPoints(3, [{ ...hid(2, 1) }])).toThrow(InputError));
  it("rounds to 0.01 and sums exactly", () => {
    expect(roundPoints(1 / 3)).toBe(0.33);
    expect(roundPoints(2 / 3)).toBe(0.67);
    expect(sumPoints([0.1, 0.2])).toBe(0.3);
    const parts = [1, 1, 1].map((n) => roundPoints(n / 3));
    expect(sumPoints(parts)).toBe(0.99); // the sum of the rounded parts, not round(1)
  });
});

const exercise = (credit?: CreditPolicy): Exercise =>
  ({
    kind: "function",
    id: "ex-0.2",
    chapter: 1,
    file: "ch01",
    points: 3,
    title: "demo",
    exportName: "f",
    ...(credit ? { credit } : {}),
  }) as unknown as Exercise;

/** Six public single-case checks, four passing, plus a hidden check over 25 probes with 22 right. */
function planned(withHidden: boolean): PlannedCheck[] {
  const publicChecks: PlannedCheck[] = [0, 1, 2, 3, 4, 5].map((i) => ({
    name: `public ${i}`,
    visibility: "public",
    probes: [{ exportName: "f", args: [i] }],
    judge: () => ({ passed: i < 4 }),
  }));
  const hidden: PlannedCheck = {
    name: "agrees on 25 random inputs",
    visibility: "hidden",
    probes: Array.from({ length: 25 }, (_, i) => ({ exportName: "f", args: [100 + i] })),
    cases: 25,
    judge: (answers) => {
      const ok = answers.filter((a) => a === 1).length;
      return { passed: ok === 25, cases: { passed: ok, total: 25 }, message: `${25 - ok} of 25 differ` };
    },
  };
  return withHidden ? [...publicChecks, hidden] : publicChecks;
}
const outcomes = (probe: { args?: unknown[] }) =>
  ({ kind: "answer", value: Number((probe.args ?? [0])[0]) < 122 ? 1 : 0 }) as const;

describe("judgePlanned: case counts and points", () => {
  it("counts 22 of 25 hidden cases and gives proportional credit: 3 × 26/31 = 2.52", () => {
    const v = judgePlanned(exercise(), planned(true), outcomes);
    expect(v.checks.at(-1)!.cases).toEqual({ passed: 22, total: 25 });
    expect(v.checks[0].cases).toEqual({ passed: 1, total: 1 });
    expect([v.status, v.points, v.maxPoints, v.hidden]).toEqual(["fail", 2.52, 3, undefined]);
  });
  it("follows the exercise's policy", () => {
    expect(judgePlanned(exercise({ kind: "all-or-nothing" }), planned(true), outcomes).points).toBe(0);
  });
  it("a probe that errors costs its whole check (0 of its 25 cases)", () => {
    const v = judgePlanned(exercise(), planned(true), (p) =>
      Number(p.args?.[0]) === 110 ? { kind: "error", message: "threw" } : outcomes(p),
    );
    expect(v.checks.at(-1)).toMatchObject({ passed: false, cases: { passed: 0, total: 25 }, message: "threw" });
    expect(v.points).toBe(roundPoints((3 * 4) / 31));
  });
  it("a judge whose case count contradicts its plan is reported, not trusted", () => {
    const bad: PlannedCheck = { ...planned(true)[6], judge: () => ({ passed: true, cases: { passed: 3, total: 5 } }) };
    const v = judgePlanned(exercise(), [bad], outcomes);
    expect(v.checks[0]).toMatchObject({ passed: false, cases: { passed: 0, total: 25 } });
    expect(v.checks[0].message).toMatch(/could not be judged: the judge counted 3 of 5 cases, for a check of 25/);
  });
  it("not attempted stays 0", () => {
    const v = judgePlanned(exercise(), planned(true), () => ({ kind: "not-attempted" }));
    expect([v.status, v.points]).toEqual(["not-attempted", 0]);
  });
});

describe("wording without the hidden checks never says a bare 'passed' (Otter #138)", () => {
  const onlyPublic = (): Verdict => {
    const v = judgePlanned(exercise(), planned(false).slice(0, 4), outcomes);
    expect([v.status, v.hidden, v.points]).toEqual(["pass", "pending", 3]);
    return v;
  };
  it("the notebook's text and HTML say public checks passed, hidden checks run when graded", () => {
    const v = onlyPublic();
    expect(renderVerdictText(v).split("\n")[0]).toBe(
      "✔ ex-0.2 public checks passed — hidden checks run when graded — 3/3 points on the public checks — demo",
    );
    expect(renderVerdictHtml(v)).toContain("public checks passed — hidden checks run when graded");
    expect(renderVerdictHtml(v)).not.toMatch(/ passed<\/strong>/);
  });
  it("`npm run check`'s report says 'public pass' and that hidden checks run when graded", () => {
    const report = renderCheckReport([onlyPublic()], { bold: false, width: 100 });
    expect(report).toMatch(/ex-0\.2\s+public pass\s+3\/3/);
    expect(report).toContain(
      "Progress: 1 of 1 pass the public checks, 3 of 3 points on the public checks — hidden checks run when graded",
    );
  });
  it("with the hidden checks judged, a pass is a pass, and case counts are shown", () => {
    const all = judgePlanned(exercise(), [...planned(true).slice(0, 4), planned(true)[6]], () => ({
      kind: "answer",
      value: 1,
    }));
    expect(renderVerdictText({ ...all, checks: all.checks })).toMatch(/^✔ ex-0\.2 passed — 3\/3 points — demo/);
    const some = judgePlanned(exercise(), planned(true), outcomes);
    expect(renderVerdictText(some)).toContain(
      "✘ agrees on 25 random inputs (hidden) (22 of 25 cases) — 3 of 25 differ",
    );
    expect(summarize([all]).text).toBe("1 of 1 done, 3 of 3 points");
  });
  it("withheld hidden checks: public pass, points released later", () => {
    const v: Verdict = { ...onlyPublic(), hidden: "withheld", points: 0 };
    expect(renderVerdictText(v).split("\n")[0]).toBe(
      "✔ ex-0.2 public checks passed — hidden checks graded, results released later — points released with the hidden checks (max 3) — demo",
    );
  });
});

describe("sanity checks (ranges, properties) earn no proportional credit", () => {
  const sanity = (passed: boolean): CheckResult => ({
    name: "is positive",
    visibility: "public",
    passed,
    sanity: true,
  });
  it("a constant that is 'positive' but wrong everywhere earns 0", () =>
    expect(creditPoints(3, [sanity(true), pub("example", false), hid(0, 25)])).toBe(0));
  it("they neither add to nor dilute the answer cases", () =>
    expect(creditPoints(3, [sanity(false), pub("example", true), hid(22, 25)])).toBe(roundPoints((3 * 23) / 26)));
  it("they still count for all-or-nothing", () =>
    expect(creditPoints(3, [sanity(false), hid(25, 25)], { kind: "all-or-nothing" })).toBe(0));
  it("only sanity checks: 0", () => expect(creditPoints(3, [sanity(true)])).toBe(0));
});
