import type { CheckResult, Exercise, Outcome, PlannedCheck, Probe, Verdict } from "./types";

/**
 * From outcomes to a verdict. This is the trusted half of every check: the notebook, the
 * `npm run check` command and the grader all end here, whoever ran the probes.
 *
 * Rules: any probe that comes back "not attempted" makes the whole exercise not attempted
 * (no points, no hints); otherwise every check must pass for the points; a probe that is
 * missing, invalid or threw fails its check with that message.
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
    const failed = list.find(
      (o): o is Exclude<Outcome, { kind: "answer" } | { kind: "not-attempted" }> =>
        o.kind !== "answer" && o.kind !== "not-attempted",
    );
    if (failed !== undefined) {
      checks.push({ name: check.name, visibility: check.visibility, passed: false, message: failed.message });
      return;
    }
    const answers = list.map((o) => (o.kind === "answer" ? o.value : 0));
    let judgement;
    try {
      judgement = check.judge(answers);
    } catch (err) {
      judgement = {
        passed: false,
        message: `could not be judged: ${err instanceof Error ? err.message : String(err)}`,
      };
    }
    const result: CheckResult = { name: check.name, visibility: check.visibility, passed: judgement.passed };
    if (judgement.message !== undefined) result.message = judgement.message;
    if (check.visibility === "public") {
      if (judgement.expected !== undefined) result.expected = judgement.expected;
      if (judgement.received !== undefined) result.received = judgement.received;
    }
    checks.push(result);
    for (const h of judgement.hints ?? []) if (!hints.includes(h)) hints.push(h);
  });
  const passed = checks.every((c) => c.passed);
  return { ...base(ex), status: passed ? "pass" : "fail", points: passed ? ex.points : 0, checks, hints };
}
