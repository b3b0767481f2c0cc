import { creditPoints } from "./credit";
import type { CaseCount, CheckJudgement, CheckResult, Exercise, Outcome, PlannedCheck, Probe, Verdict } from "./types";

/**
 * From outcomes to a verdict. This is the trusted half of every check: the notebook, the
 * `npm run check` command and the grader all end here, whoever ran the probes.
 *
 * Rules: any probe that comes back "not attempted" makes the whole exercise not attempted
 * (no points, no hints); otherwise each check reports its cases passed (a hidden comparison
 * over 25 generated inputs counts 25) and the exercise earns points under its credit policy
 * (credit.ts; proportional by default), rounded to 0.01. "pass" means every case passed. A probe
 * that is missing, invalid or threw fails its whole check (0 of its cases) with that message.
 * A verdict judged without any hidden check says so (`hidden: "pending"`): every exercise has
 * hidden checks, which only the grader and the instructor's `npm run check --hidden` run.
 */

/** Stable identity of a probe, so identical requests are sent once. */
export function probeKey(probe: Probe): string {
  return JSON.stringify([probe.exportName, probe.args ?? null]);
}

/** The distinct probes of a plan, in first-use order: what a grader sends to the child. */
export function uniqueProbes(planned: readonly PlannedCheck[]): Probe[] {
  const seen = new Map<string, Probe>();
  for (const check of planned) for (const p of check.probes) if (!seen.has(probeKey(p))) seen.set(probeKey(p), p);
  return [...seen.values()];
}

function base(ex: Exercise): Omit<Verdict, "status" | "points" | "checks" | "hints"> {
  return { id: ex.id, title: ex.title, file: ex.file, exportName: ex.exportName, maxPoints: ex.points };
}

/** A verdict for an exercise whose file could not be loaded at all. */
export function loadFailureVerdict(ex: Exercise, loadError: string): Verdict {
  return {
    ...base(ex),
    status: "fail",
    points: 0,
    checks: [{ name: "the exercises file loads", visibility: "public", passed: false, message: loadError }],
    hints: [],
    loadError,
  };
}

/**
 * Judge planned checks given the outcome of each probe.
 * @param outcomeOf returns the outcome of a probe (looked up by probeKey, or computed)
 */
export function judgePlanned(
  ex: Exercise,
  planned: readonly PlannedCheck[],
  outcomeOf: (probe: Probe) => Outcome,
): Verdict {
  const outcomes = planned.map((check) => check.probes.map(outcomeOf));
  if (outcomes.some((list) => list.some((o) => o.kind === "not-attempted"))) {
    return { ...base(ex), status: "not-attempted", points: 0, checks: [], hints: [] };
  }
  const checks: CheckResult[] = [];
  const hints: string[] = [];
  planned.forEach((check, i) => {
    const list = outcomes[i];
    const caseTotal = check.cases ?? 1;
    const failed = list.find(
      (o): o is Exclude<Outcome, { kind: "answer" } | { kind: "not-attempted" }> =>
        o.kind !== "answer" && o.kind !== "not-attempted",
    );
    if (failed !== undefined) {
      checks.push({
        name: check.name,
        visibility: check.visibility,
        passed: false,
        ...(check.sanity ? { sanity: true } : {}),
        cases: { passed: 0, total: caseTotal },
        message: failed.message,
      });
      return;
    }
    const answers = list.map((o) => (o.kind === "answer" ? o.value : 0));
    let judgement: CheckJudgement;
    try {
      judgement = check.judge(answers);
      assertCases(judgement, caseTotal);
    } catch (err) {
      judgement = {
        passed: false,
        message: `could not be judged: ${err instanceof Error ? err.message : String(err)}`,
      };
    }
    const cases: CaseCount = judgement.cases ?? { passed: judgement.passed ? caseTotal : 0, total: caseTotal };
    const result: CheckResult = { name: check.name, visibility: check.visibility, passed: judgement.passed, cases };
    if (check.sanity) result.sanity = true;
    if (judgement.message !== undefined) result.message = judgement.message;
    if (check.visibility === "public") {
      if (judgement.expected !== undefined) result.expected = judgement.expected;
      if (judgement.received !== undefined) result.received = judgement.received;
    }
    checks.push(result);
    for (const h of judgement.hints ?? []) if (!hints.includes(h)) hints.push(h);
  });
  const passed = checks.every((c) => c.passed);
  const verdict: Verdict = {
    ...base(ex),
    status: passed ? "pass" : "fail",
    points: creditPoints(ex.points, checks, ex.credit),
    checks,
    hints,
  };
  if (!planned.some((c) => c.visibility === "hidden")) verdict.hidden = "pending";
  return verdict;
}

/** A judge's case count must match its planned check and its own verdict (passed ⇔ every case passed). */
function assertCases(judgement: CheckJudgement, total: number): void {
  const c = judgement.cases;
  if (c === undefined) return;
  if (c.total !== total || !Number.isInteger(c.passed) || c.passed < 0 || c.passed > total)
    throw new Error(`the judge counted ${c.passed} of ${c.total} cases, for a check of ${total}`);
  if (judgement.passed !== (c.passed === total))
    throw new Error(
      `the judge said ${judgement.passed ? "passed" : "failed"} with ${c.passed} of ${total} cases passed`,
    );
}
