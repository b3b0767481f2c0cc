import { InputError } from "../core/errors";
import { nonNegativeArray, plainObject, positiveNumber } from "../core/validate";
import { acceptanceValueUnchecked, CONTENT_UNIFORMITY, type AcceptanceValueResult } from "./acceptance-value";

export interface ContentUniformityOptions {
  /** Target content T [% of label claim] (default 100). */
  targetContent?: number;
  /** Maximum acceptance value L1 (default 15). */
  l1?: number;
  /** Stage-2 limit L2 on individual deviations from M [%] (default 25). */
  l2?: number;
}

export interface ContentUniformityVerdict {
  /** "pass", "fail", or "test 20 more units" when 10 results fail stage 1. */
  verdict: "pass" | "fail" | "test 20 more units";
  /** The stage that decided (1 or 2). */
  stage: 1 | 2;
  /** AV of the first 10 units. */
  stage1: AcceptanceValueResult;
  /** AV of all 30 units, when stage 2 was needed and 30 results were given. */
  stage2?: AcceptanceValueResult;
  /** Full sentences explaining the verdict. */
  reasons: string[];
}

/**
 * The two-stage content uniformity test of Ph. Eur. 2.9.40 / USP <905>.
 * Stage 1: assay 10 units; pass if AV <= L1 (15). Otherwise stage 2: assay 20 more; pass if
 * the AV of all 30 is <= L1 AND no unit lies outside (1 − L2/100)·M … (1 + L2/100)·M
 * (L2 = 25), M being the stage-2 reference value.
 *
 * @param contents 10 or 30 individual contents [% of label claim]; the first 10 are stage 1
 * @param opts targetContent T (default 100), l1 (15), l2 (25)
 * @returns verdict, deciding stage, the AV results and reasons
 * @throws {InputError} when there are not 10 or 30 finite, non-negative values or a limit is not positive
 * @example contentUniformityTest([98, 99, 100, 101, 102, 98, 99, 100, 101, 102]).verdict // => "pass"
 * @see 000_0e59da50f18e1b01.txt, "Manufacturing and Content Uniformity of Microgram Dosage Forms"
 */
export function contentUniformityTest(
  contents: readonly number[],
  opts: ContentUniformityOptions = {},
): ContentUniformityVerdict {
  const fn = "contentUniformityTest";
  const x = nonNegativeArray(fn, "contents", contents);
  if (x.length !== 10 && x.length !== 30)
    throw new InputError(
      fn,
      "contents",
      "must hold exactly 10 (stage 1) or 30 (stage 1 + stage 2) unit results",
      `${x.length} values`,
    );
  const o = plainObject(fn, "opts", opts);
  const t = o.targetContent === undefined ? 100 : positiveNumber(fn, "opts.targetContent", o.targetContent);
  const l1 = o.l1 === undefined ? CONTENT_UNIFORMITY.l1 : positiveNumber(fn, "opts.l1", o.l1);
  const l2 = o.l2 === undefined ? CONTENT_UNIFORMITY.l2 : positiveNumber(fn, "opts.l2", o.l2);
  return contentUniformityUnchecked(x, t, l1, l2);
}

/** The two-stage test without validation (internal, for the simulation). */
export function contentUniformityUnchecked(
  x: readonly number[],
  t: number,
  l1: number,
  l2: number,
): ContentUniformityVerdict {
  const f = (v: number): string => v.toFixed(2);
  const stage1 = acceptanceValueUnchecked(x.slice(0, 10), CONTENT_UNIFORMITY.k[10], t);
  if (stage1.av <= l1) {
    return {
      verdict: "pass",
      stage: 1,
      stage1,
      reasons: [`Stage 1: AV = ${f(stage1.av)} <= L1 = ${l1}, so the batch passes on 10 units.`],
    };
  }
  const first = `Stage 1: AV = ${f(stage1.av)} > L1 = ${l1}, so 20 more units must be tested.`;
  if (x.length === 10) return { verdict: "test 20 more units", stage: 1, stage1, reasons: [first] };
  const stage2 = acceptanceValueUnchecked(x, CONTENT_UNIFORMITY.k[30], t);
  const lo = (1 - l2 / 100) * stage2.referenceValue;
  const hi = (1 + l2 / 100) * stage2.referenceValue;
  const outside = x.filter((v) => v < lo || v > hi);
  const reasons = [first];
  if (stage2.av > l1) reasons.push(`Stage 2: AV of 30 units = ${f(stage2.av)} > L1 = ${l1}.`);
  else reasons.push(`Stage 2: AV of 30 units = ${f(stage2.av)} <= L1 = ${l1}.`);
  if (outside.length > 0)
    reasons.push(
      `Stage 2: ${outside.length} unit(s) outside ${f(lo)}–${f(hi)} % (M ± ${l2} %): ${outside.map(f).join(", ")}.`,
    );
  const pass = stage2.av <= l1 && outside.length === 0;
  reasons.push(pass ? "The batch passes at stage 2." : "The batch fails.");
  return { verdict: pass ? "pass" : "fail", stage: 2, stage1, stage2, reasons };
}
