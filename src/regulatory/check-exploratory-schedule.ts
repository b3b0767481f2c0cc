import { InputError } from "../core/errors";
import { magnitude, type QuantityInput } from "../core/units";
import { oneOf, plainObject } from "../core/validate";
import { formatUg } from "./format-dose";
import { DOSE_COMPARISON_TOLERANCE, MODALITIES, type Modality } from "./microdose-limits";

/** One planned administration: when [time] and how much [mass]. */
export interface ScheduledDose {
  time: QuantityInput;
  dose: QuantityInput;
}

export interface ExploratoryScheduleOptions {
  /** ICH M3(R2) approach 1 (single or divided microdose) or 2 (up to 5 microdoses). */
  approach: 1 | 2;
  /** NOAEL expressed as a human-equivalent dose [mass] (scale from animals by mg/kg for IV, mg/m2 for oral first). */
  noael: QuantityInput;
  /** Pharmacologically active dose in humans [mass]. */
  activeDose: QuantityInput;
  /** Actual or predicted elimination half-life [time]; required for approach 2 (washout rule). */
  halfLife?: QuantityInput;
  /** "small-molecule" (default) or "protein" (nmol caps; needs molecularWeight). "antibody" uses the 100 ug cap. */
  modality?: Modality;
  /** Molecular weight [g/mol], required for proteins. */
  molecularWeight?: QuantityInput;
}

export interface ScheduleCheck {
  compliant: boolean;
  /** One sentence per broken rule; empty when compliant. */
  violations: string[];
}

const RULES = {
  1: { perDoseCapUg: undefined, totalCapUg: 100, maxAdministrations: Infinity, washoutHalfLives: 0 },
  2: { perDoseCapUg: 100, totalCapUg: 500, maxAdministrations: 5, washoutHalfLives: 6 },
} as const;

/**
 * Check a proposed microdose schedule against ICH M3(R2) exploratory approach 1 or 2.
 *
 * Approach 1: total dose <= 100 ug (30 nmol for proteins), <= 1/100 of the NOAEL and
 * <= 1/100 of the pharmacologically active dose; single or divided doses, any interval.
 * Approach 2: at most 5 administrations, each <= 100 ug (30 nmol), each <= 1/100 of the
 * NOAEL and of the active dose, cumulative <= 500 ug (150 nmol), and consecutive doses
 * separated by at least 6 half-lives so each is washed out before the next.
 *
 * @param schedule administrations `{ time, dose }` in strictly increasing time
 * @param opts approach, noael and activeDose [mass], halfLife [time] (approach 2), modality, molecularWeight
 * @returns `{ compliant, violations }`, violations as full sentences
 * @throws {InputError} on an empty schedule, non-increasing times, a dose that is not a mass, a missing halfLife for approach 2, or a protein without molecular weight
 * @example checkExploratorySchedule([{ time: "0 h", dose: "50 ug" }, { time: "48 h", dose: "50 ug" }], { approach: 2, noael: "100 mg", activeDose: "20 mg", halfLife: "6 h" }).compliant // => true
 * @example checkExploratorySchedule([{ time: "0 h", dose: "80 ug" }, { time: "12 h", dose: "80 ug" }], { approach: 2, noael: "100 mg", activeDose: "20 mg", halfLife: "6 h" }).violations // => ["The interval between dose 1 (0 h) and dose 2 (12 h) is 12 h, shorter than the washout of 6 half-lives (36 h) approach 2 requires."]
 * @see 001_079d5926d130f870.txt, "Regulatory Frameworks for Exploratory Studies"
 */
export function checkExploratorySchedule(
  schedule: readonly ScheduledDose[],
  opts: ExploratoryScheduleOptions,
): ScheduleCheck {
  const fn = "checkExploratorySchedule";
  if (!Array.isArray(schedule) || schedule.length === 0)
    throw new InputError(fn, "schedule", "must be a non-empty array of { time, dose }", schedule);
  const o = plainObject(fn, "opts", opts);
  const approach = o.approach;
  if (approach !== 1 && approach !== 2)
    throw new InputError(
      fn,
      "opts.approach",
      "must be 1 or 2 (approaches 3–5 are described in EXPLORATORY_APPROACHES, not checked)",
      approach,
    );
  const times = schedule.map((s, i) =>
    magnitude(fn, `schedule[${i}].time`, plainObject(fn, `schedule[${i}]`, s).time, "time", "h", {
      allowNegative: true,
    }),
  );
  const doses = schedule.map((s, i) =>
    magnitude(fn, `schedule[${i}].dose`, s.dose, "mass", "ug", { allowZero: false }),
  );
  for (let i = 1; i < times.length; i++) {
    if (!(times[i] > times[i - 1]))
      throw new InputError(
        fn,
        "schedule",
        `times must be strictly increasing (dose ${i} at ${times[i - 1]} h, dose ${i + 1} at ${times[i]} h)`,
        schedule.map((s) => String(s.time)),
      );
  }
  const noaelUg = magnitude(fn, "opts.noael", o.noael, "mass", "ug", { allowZero: false });
  const activeUg = magnitude(fn, "opts.activeDose", o.activeDose, "mass", "ug", { allowZero: false });
  let halfLifeH: number | undefined;
  if (o.halfLife !== undefined)
    halfLifeH = magnitude(fn, "opts.halfLife", o.halfLife, "time", "h", { allowZero: false });
  if (approach === 2 && halfLifeH === undefined)
    throw new InputError(
      fn,
      "opts.halfLife",
      "is required for approach 2 (doses must be separated by at least 6 half-lives)",
      undefined,
    );
  const modality = o.modality === undefined ? "small-molecule" : oneOf(fn, "opts.modality", o.modality, MODALITIES);
  let ugPerNmol: number | undefined;
  if (modality === "protein") {
    if (o.molecularWeight === undefined)
      throw new InputError(
        fn,
        "opts.molecularWeight",
        'is required when modality is "protein" (the caps are in nmol)',
        undefined,
      );
    ugPerNmol =
      magnitude(fn, "opts.molecularWeight", o.molecularWeight, "molarMass", "g/mol", { allowZero: false }) * 1e-3;
  }

  const rules = RULES[approach];
  // Proteins: 100 ug ↔ 30 nmol, so every ug cap scales by 0.3 nmol/ug.
  const capUg = (ug: number): number => (ugPerNmol === undefined ? ug : ug * 0.3 * ugPerNmol);
  const capText = (ug: number): string =>
    ugPerNmol === undefined ? formatUg(ug) : `${ug * 0.3} nmol (${formatUg(capUg(ug))})`;
  const over = (value: number, limit: number): boolean => value > limit * (1 + DOSE_COMPARISON_TOLERANCE);
  const violations: string[] = [];
  const total = doses.reduce((a, b) => a + b, 0);

  if (doses.length > rules.maxAdministrations) {
    violations.push(
      `The schedule has ${doses.length} administrations; approach ${approach} allows at most ${rules.maxAdministrations}.`,
    );
  }
  if (over(total, capUg(rules.totalCapUg))) {
    violations.push(
      `The total dose of ${formatUg(total)} exceeds the cumulative cap of ${capText(rules.totalCapUg)} for approach ${approach}.`,
    );
  }
  if (approach === 1) {
    if (over(total, noaelUg / 100))
      violations.push(`The total dose of ${formatUg(total)} exceeds 1/100 of the NOAEL (${formatUg(noaelUg / 100)}).`);
    if (over(total, activeUg / 100))
      violations.push(
        `The total dose of ${formatUg(total)} exceeds 1/100 of the pharmacologically active dose (${formatUg(activeUg / 100)}).`,
      );
  } else {
    doses.forEach((d, i) => {
      const label = `Dose ${i + 1} (${formatUg(d)})`;
      if (over(d, capUg(RULES[2].perDoseCapUg)))
        violations.push(`${label} exceeds the per-dose cap of ${capText(RULES[2].perDoseCapUg)}.`);
      if (over(d, noaelUg / 100)) violations.push(`${label} exceeds 1/100 of the NOAEL (${formatUg(noaelUg / 100)}).`);
      if (over(d, activeUg / 100))
        violations.push(`${label} exceeds 1/100 of the pharmacologically active dose (${formatUg(activeUg / 100)}).`);
    });
    const washout = rules.washoutHalfLives * halfLifeH!;
    for (let i = 1; i < times.length; i++) {
      const gap = times[i] - times[i - 1];
      if (gap < washout * (1 - DOSE_COMPARISON_TOLERANCE)) {
        violations.push(
          `The interval between dose ${i} (${fmtH(times[i - 1])}) and dose ${i + 1} (${fmtH(times[i])}) is ${fmtH(gap)}, shorter than the washout of ${rules.washoutHalfLives} half-lives (${fmtH(washout)}) approach 2 requires.`,
        );
      }
    }
  }
  return { compliant: violations.length === 0, violations };
}

function fmtH(h: number): string {
  return `${Number(h.toPrecision(4))} h`;
}
