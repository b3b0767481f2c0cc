import type { BlqAction, BlqPolicy, BlqPolicyName } from "./types";

/** The named below-LLOQ policies (see {@link BlqPolicyName}). */
export const BLQ_POLICIES: Readonly<Record<BlqPolicyName, BlqPolicy>> = {
  "zero-then-missing": { leading: "zero", embedded: "drop", trailing: "drop" },
  pknca: { leading: "zero", embedded: "drop", trailing: "zero" },
  "all-zero": { leading: "zero", embedded: "zero", trailing: "zero" },
  "all-missing": { leading: "drop", embedded: "drop", trailing: "drop" },
};

/**
 * Apply a BLQ policy to a profile. A sample is BLQ when conc < lloq. Its position is
 * leading (before the first measurable sample), embedded (between the first and last
 * measurable) or trailing (after the last); the policy sets it to 0 or drops it.
 * Internal: inputs are validated by `nca`.
 * @returns new arrays; the inputs are not modified
 */
export function applyBlqPolicy(
  time: readonly number[],
  conc: readonly number[],
  lloq: number,
  policy: BlqPolicy,
): { time: number[]; conc: number[]; blqCount: number } {
  let first = -1;
  let last = -1;
  conc.forEach((c, i) => {
    if (c >= lloq) {
      if (first < 0) first = i;
      last = i;
    }
  });
  const out = { time: [] as number[], conc: [] as number[], blqCount: 0 };
  conc.forEach((c, i) => {
    if (c >= lloq) {
      out.time.push(time[i]);
      out.conc.push(c);
      return;
    }
    out.blqCount++;
    const action: BlqAction = first < 0 || i < first ? policy.leading : i > last ? policy.trailing : policy.embedded;
    if (action === "zero") {
      out.time.push(time[i]);
      out.conc.push(0);
    }
  });
  return out;
}
