import type { Random } from "../../core";
import { logUniform, quantityOf, seriesOf, sig4, uniformIn } from "../generators";
import { mistake, scaledBy, unitSlip } from "../hints";
import { quantityArg, quantityIn, seriesArg } from "../probe-args";
import type { JsonValue } from "../types";
import { varied } from "../variants/prompt";
import { defineFunction, defineValue } from "./define";

/** Chapter 4 — Strategy and ethics: dose projection, exploratory IND / ICH M3(R2), radiation, risk–benefit. */

/**
 * The dose-projection inputs of ex-4.1 as numbers in the units of its checks (Kd [nM], half-life
 * and τ [h], V [L], MW [g/mol]); the student's function receives them as quantities
 * (projectionArg). Also read back by the hidden classic-mistake answers (projectionOf).
 */
export interface Projection {
  kdNm: number;
  targetOccupancy: number;
  halfLifeH: number;
  bioavailability: number;
  volumeL: number;
  fu: number;
  molecularWeight: number;
  tauH: number;
}

const textExample: Projection = {
  kdNm: 5,
  targetOccupancy: 0.8,
  halfLifeH: 4,
  bioavailability: 0.5,
  volumeL: 70,
  fu: 0.25,
  molecularWeight: 450,
  tauH: 24,
};

/** ex-4.1's argument: the projection with its quantities tagged (probe-args.ts). */
export function projectionArg(p: Projection): JsonValue {
  return {
    kd: quantityArg(p.kdNm, "nM"),
    targetOccupancy: p.targetOccupancy,
    halfLife: quantityArg(p.halfLifeH, "h"),
    bioavailability: p.bioavailability,
    volume: quantityArg(p.volumeL, "L"),
    fu: p.fu,
    molecularWeight: quantityArg(p.molecularWeight, "g/mol"),
    tau: quantityArg(p.tauH, "h"),
  };
}

/** ex-4.1's argument read back in the units of {@link Projection}. */
export function projectionOf(arg: JsonValue): Projection {
  const p = arg as Record<string, JsonValue>;
  return {
    kdNm: quantityIn(p.kd, "nM"),
    targetOccupancy: p.targetOccupancy as number,
    halfLifeH: quantityIn(p.halfLife, "h"),
    bioavailability: p.bioavailability as number,
    volumeL: quantityIn(p.volume, "L"),
    fu: p.fu as number,
    molecularWeight: quantityIn(p.molecularWeight, "g/mol"),
    tauH: quantityIn(p.tau, "h"),
  };
}

/** ex-4.4's arguments in the units of its checks: doses [µg], intervals [h], t½ [h], NOAEL and active dose [mg]. */
const scheduleArgs = (doses: number[], intervals: number[], halfLifeH: number, noaelMg: number, activeMg: number) => [
  seriesArg(doses, "ug"),
  seriesArg(intervals, "h"),
  quantityArg(halfLifeH, "h"),
  quantityArg(noaelMg, "mg"),
  quantityArg(activeMg, "mg"),
];

/** ex-4.3's arguments in the units of its checks: doses [µg], NOAEL and active dose [mg]. */
const approach1Args = (doses: number[], noaelMg: number, activeMg: number) => [
  seriesArg(doses, "ug"),
  quantityArg(noaelMg, "mg"),
  quantityArg(activeMg, "mg"),
];

/** At least two doses: approach 2 is a repeated-dose schedule (and a series is never empty). */
function randomSchedule(rng: Random, halfLifeH: number): { doses: number[]; intervals: number[] } {
  const n = rng.integer(2, 6);
  const doses = Array.from({ length: n }, () => sig4(uniformIn(rng, 5, rng.uniform() < 0.8 ? 100 : 140)));
  const intervals = Array.from({ length: n - 1 }, () =>
    sig4(halfLifeH * uniformIn(rng, rng.uniform() < 0.8 ? 6 : 3, 10)),
  );
  return { doses, intervals };
}

export const chapter4 = [
  defineFunction({
    id: "ex-4.1",
    chapter: 4,
    points: 4,
    title: "Projecting the daily dose for a trough occupancy",
    prompt:
      "Implement `dailyDoseForTroughOccupancy(p)`: the oral dose per dosing interval `p.tau` that keeps the **unbound** " +
      "steady-state trough concentration at the level giving `p.targetOccupancy` (a fraction) of receptors bound, for a drug with " +
      'dissociation constant `p.kd` (a molar concentration, e.g. `unit("5 nM")`), fraction unbound `p.fu`, molecular weight ' +
      '`p.molecularWeight` (`"450 g/mol"`), volume `p.volume` (`"70 L"`), half-life `p.halfLife` (`"4 h"`), interval `p.tau` ' +
      '(`"24 h"` or `"1 day"`) and oral bioavailability `p.bioavailability`. ' +
      "Use one compartment with absorption much faster than elimination (ka ≫ k): at steady state the trough total concentration is " +
      "C_min = (F·D/V)·e^(−kτ) / (1 − e^(−kτ)). Return a mass; it is checked in **mg**.",
    exportName: "dailyDoseForTroughOccupancy",
    answer: { type: "number", unit: "mg" },
    signature:
      "(p: { kd: Unit; targetOccupancy: number; halfLife: Unit; bioavailability: number; volume: Unit; fu: number; molecularWeight: Unit; tau: Unit }): Unit",
    generate: (rng) => [
      {
        kd: quantityOf(rng, logUniform(rng, 0.1, 50), "nM", { pM: 1000 }),
        targetOccupancy: sig4(uniformIn(rng, 0.5, 0.95)),
        halfLife: quantityOf(rng, logUniform(rng, 2, 48), "h", { min: 60 }),
        bioavailability: sig4(uniformIn(rng, 0.1, 1)),
        volume: quantityOf(rng, logUniform(rng, 10, 500), "L"),
        fu: sig4(logUniform(rng, 0.01, 1)),
        molecularWeight: quantityOf(rng, uniformIn(rng, 200, 800), "g/mol"),
        tau: quantityOf(rng, rng.uniform() < 0.7 ? 24 : 12, "h", { day: 1 / 24 }),
      },
    ],
    checks: [
      {
        type: "property",
        name: "the text's example (Kd 5 nM, 80 % trough occupancy, t½ 4 h, F 0.5; here V 70 L, fu 0.25, MW 450) needs over 300 mg/day",
        samples: () => [[projectionArg(textExample)]],
        holds: ([d]) =>
          (d as number) > 300 && (d as number) < 400
            ? true
            : `received ${String(d)} mg; the text says "over 300 mg" (and not wildly more)`,
      },
      // fu ≠ 1 − occupancy here: with fu 0.5 at 50 % the "no-fu" and "occupancy-as-ratio" mistakes give the same wrong dose and both hints fired.
      {
        type: "hashed",
        key: "a",
        name: "Kd 1 nM, 50 %, t½ 12 h, F 0.8, V 40 L, fu 0.4, MW 300, τ 24 h",
        args: [
          projectionArg({
            kdNm: 1,
            targetOccupancy: 0.5,
            halfLifeH: 12,
            bioavailability: 0.8,
            volumeL: 40,
            fu: 0.4,
            molecularWeight: 300,
            tauH: 24,
          }),
        ],
      },
      {
        type: "hashed",
        key: "b",
        name: "Kd 8 nM, 90 %, t½ 6 h, F 0.3, V 200 L, fu 0.02, MW 520, τ 12 h",
        args: [
          projectionArg({
            kdNm: 8,
            targetOccupancy: 0.9,
            halfLifeH: 6,
            bioavailability: 0.3,
            volumeL: 200,
            fu: 0.02,
            molecularWeight: 520,
            tauH: 12,
          }),
        ],
      },
      {
        type: "property",
        name: "a longer half-life never needs a larger dose",
        samples: () => [4, 8, 16, 32].map((h) => [projectionArg({ ...textExample, halfLifeH: h })]),
        holds: (out) =>
          out.every((d, i) => i === 0 || (d as number) <= (out[i - 1] as number))
            ? true
            : "the dose went up when the half-life got longer",
      },
    ],
    hints: [
      mistake("no-fu", "Only unbound drug occupies receptors: the TOTAL trough must be C_u / f_u."),
      mistake("no-f", "Only F of an oral dose reaches the circulation: divide by F."),
      mistake("occupancy-as-ratio", "Solve ρ = C_u/(C_u + K_d) for C_u: C_u = K_d·ρ/(1 − ρ), not K_d·ρ."),
      unitSlip(
        "Off by 1000: a quantity was read with toNumber in one unit and rebuilt in another (nM × g/mol is µg/L, not mg/L). " +
          "Keep the Units: toMassConcentration(total, p.molecularWeight), then math.multiply(…, p.volume).",
      ),
    ],
    pitfalls: ["unbound vs total", "bioavailable vs administered dose", "molar vs mass concentration"],
    source: '001_079d5926d130f870.txt, "The Strategic Value in Early Decision-Making"',
  }),
  defineValue({
    id: "ex-4.2",
    chapter: 4,
    points: 3,
    title: "A go/no-go dose projection",
    ...varied(
      "ex-4.2",
      "Microdose data for a backup compound: **K_d = {kdNm} nM**, target trough occupancy **90 %**, **t½ = {halfLifeH} h**, **F = 0.6**, " +
        "**V = {volumeL} L**, **f_u = 0.05**, **MW = {molecularWeight} g/mol**, once-daily oral dosing (ka ≫ k, as in ex-4.1).\n\n" +
        'Produce `ex4_2_dailyDoseMg`: the projected daily dose in **mg** (a number, or a quantity such as `unit("… mg")`).',
    ),
    exportName: "ex4_2_dailyDoseMg",
    answer: { type: "number", unit: "mg" },
    tsType: "number | Unit",
    hints: [
      scaledBy("no-fu", [0.05], "Only unbound drug occupies receptors: divide the unbound target by f_u."),
      scaledBy("no-f", [0.6], "Divide by F: only 60 % of the oral dose reaches the circulation."),
      unitSlip(),
    ],
    pitfalls: ["unbound vs total", "bioavailable vs administered dose"],
    source: '001_079d5926d130f870.txt, "The Strategic Value in Early Decision-Making"',
  }),
  defineFunction({
    id: "ex-4.3",
    chapter: 4,
    points: 2,
    title: "ICH M3(R2) approach 1",
    prompt:
      "Implement `approach1Allowed(doses, noael, activeDose)`: `true` when a single or divided microdose meets ICH M3(R2) " +
      "exploratory approach 1 for a small molecule: the **total** dose ≤ 100 µg, ≤ 1/100 of the NOAEL (human-equivalent) and " +
      '≤ 1/100 of the pharmacologically active dose. `doses` is a series of masses (e.g. `series([60, 60], "ug")`), `noael` and ' +
      '`activeDose` are masses (e.g. `unit("50 mg")`); any mass unit may come.',
    exportName: "approach1Allowed",
    signature: "(doses: Series, noael: Unit, activeDose: Unit): boolean",
    answer: { type: "boolean" },
    // Fixed units here: with these draws the first failing hidden case tells the two classic mistakes apart
    // (ex-4.4 and ex-6.11 mix mass units).
    generate: (rng) =>
      approach1Args(
        Array.from({ length: rng.integer(1, 3) }, () => sig4(logUniform(rng, 5, 90))),
        sig4(logUniform(rng, 1, 200)),
        sig4(logUniform(rng, 1, 100)),
      ),
    checks: [
      {
        type: "example",
        name: "the text's 80 µg for an active dose of 20 mg qualifies",
        args: approach1Args([80], 1000, 20),
        expected: true,
      },
      { type: "example", name: "the text's 150 µg does not", args: approach1Args([150], 1000, 20), expected: false },
      {
        type: "hashed",
        key: "a",
        name: "60 + 60 µg, NOAEL 50 mg, active dose 30 mg",
        args: approach1Args([60, 60], 50, 30),
      },
      { type: "hashed", key: "b", name: "40 µg, NOAEL 3 mg, active dose 30 mg", args: approach1Args([40], 3, 30) },
      {
        type: "property",
        name: "a smaller dose is allowed whenever a larger one is",
        samples: (rng) =>
          Array.from({ length: 6 }, () => {
            const d = sig4(logUniform(rng, 10, 150));
            const n = sig4(logUniform(rng, 1, 50));
            const a = sig4(logUniform(rng, 1, 50));
            return [approach1Args([d], n, a), approach1Args([d / 2], n, a)];
          }).flat(),
        holds: (out) => {
          for (let i = 0; i < out.length; i += 2)
            if (out[i] === true && out[i + 1] === false) return "a dose was allowed but half of it was not";
          return true;
        },
      },
    ],
    hints: [
      mistake("per-dose", "Approach 1 limits the TOTAL of divided doses, not each dose."),
      mistake("ignores-noael", "Check 1/100 of the NOAEL as well as 1/100 of the active dose."),
    ],
    pitfalls: ["comparing doses in µg with limits in mg"],
    source: '001_079d5926d130f870.txt, "Regulatory Frameworks for Exploratory Studies"',
  }),
  defineFunction({
    id: "ex-4.4",
    chapter: 4,
    points: 3,
    title: "ICH M3(R2) approach 2",
    prompt:
      "Implement `approach2Allowed(doses, intervals, halfLife, noael, activeDose)`: `true` when a schedule of two or more doses " +
      "meets ICH M3(R2) approach 2 for a small molecule: at most **5** administrations; **each** dose ≤ 100 µg, ≤ 1/100 of the " +
      "NOAEL and ≤ 1/100 of the active dose; **cumulative** dose ≤ 500 µg; and each interval between consecutive doses " +
      "(`intervals.values[i]` between dose i and i+1) at least **6 half-lives**. `doses` is a series of masses " +
      '(`series([100, 100], "ug")`), `intervals` a series of times (`series([48], "h")`); `halfLife`, `noael` and `activeDose` ' +
      "are quantities (any time or mass unit may come).",
    exportName: "approach2Allowed",
    signature: "(doses: Series, intervals: Series, halfLife: Unit, noael: Unit, activeDose: Unit): boolean",
    answer: { type: "boolean" },
    generate: (rng) => {
      const h = sig4(logUniform(rng, 1, 30));
      const s = randomSchedule(rng, h);
      return [
        seriesOf(rng, s.doses, "ug", { mg: 1e-3 }),
        seriesOf(rng, s.intervals, "h", { day: 1 / 24 }),
        quantityOf(rng, h, "h", { min: 60 }),
        quantityOf(rng, logUniform(rng, 5, 200), "mg"),
        quantityOf(rng, logUniform(rng, 5, 100), "mg", { ug: 1000 }),
      ];
    },
    checks: [
      {
        type: "hashed",
        key: "a",
        name: "5 × 100 µg every 48 h, t½ 6 h",
        args: scheduleArgs([100, 100, 100, 100, 100], [48, 48, 48, 48], 6, 100, 50),
      },
      {
        type: "hashed",
        key: "b",
        name: "6 × 50 µg every 72 h, t½ 8 h",
        args: scheduleArgs([50, 50, 50, 50, 50, 50], [72, 72, 72, 72, 72], 8, 100, 50),
      },
      {
        type: "hashed",
        key: "c",
        name: "2 × 80 µg 30 h apart, t½ 6 h",
        args: scheduleArgs([80, 80], [30], 6, 100, 50),
      },
      {
        type: "hashed",
        key: "d",
        name: "3 × 90 µg, 60 h apart, t½ 5 h, active dose 8 mg",
        args: scheduleArgs([90, 90, 90], [60, 60], 5, 100, 8),
      },
    ],
    hints: [mistake("no-washout", "Doses must be separated by at least 6 half-lives (washout).")],
    pitfalls: ["reading a guideline exactly"],
    source: '001_079d5926d130f870.txt, "Regulatory Frameworks for Exploratory Studies"',
  }),
  defineValue({
    id: "ex-4.5",
    chapter: 4,
    points: 2,
    title: "Radiation dose of a microtracer",
    ...varied(
      "ex-4.5",
      "A ¹⁴C microtracer of **{activityNci} nCi** is given orally. Take the effective dose coefficient for ingested ¹⁴C-labelled compounds as " +
        "**5.8 × 10⁻¹⁰ Sv/Bq** (ICRP); 1 Ci = 3.7 × 10¹⁰ Bq.\n\n" +
        "Produce `ex4_5_effectiveDoseUSv`: the effective dose in **µSv** (a number, or a mathjs Unit).",
    ),
    exportName: "ex4_5_effectiveDoseUSv",
    answer: { type: "number", unit: "uSv" },
    tsType: "number | Unit",
    hints: [unitSlip("Off by 1000: 1 Sv = 1000 mSv = 10⁶ µSv; 1 nCi = 37 Bq.")],
    pitfalls: ["unit slip mSv vs µSv, Ci vs Bq"],
    source: '001_079d5926d130f870.txt, "The Ethical Imperative: A Favorable Risk-Benefit Profile"',
  }),
  defineValue({
    id: "ex-4.6",
    chapter: 4,
    points: 2,
    title: "Atoms behind an activity",
    ...varied(
      "ex-4.6",
      "How many ¹⁴C atoms does the **{activityNci} nCi** microtracer of ex-4.5 contain? ¹⁴C has a half-life of **5730 years** " +
        "(use 365.25 days per year); activity A = λN with λ = ln 2 / t½ in 1/s.\n\n" +
        "Produce `ex4_6_c14Atoms`: the number of atoms (a plain number).",
    ),
    exportName: "ex4_6_c14Atoms",
    hints: [
      scaledBy(
        "per-minute",
        [1 / 60, 60],
        "A becquerel is one decay per SECOND: express λ in 1/s (a dpm is per minute).",
      ),
      scaledBy("per-year", [1 / (365.25 * 86400)], "Express λ in 1/s, not 1/year, to match activity in Bq."),
    ],
    pitfalls: ["dpm vs Bq", "time units"],
    source: '001_079d5926d130f870.txt, "Enabling Technology: Ultra-Sensitive Bioanalysis"',
  }),
  defineValue({
    id: "ex-4.7",
    chapter: 4,
    points: 3,
    title: "Risk and benefit, counted",
    ...varied(
      "ex-4.7",
      "A small explicit model of the ethics argument. A Phase 0 study doses **{volunteers}** volunteers; each has a **2 × 10⁻⁵** chance of a " +
        "serious adverse event (SAE). With probability **{failProbability}** the microdose reveals PK that kills the candidate, which avoids a " +
        "Phase I study of **{phase1Volunteers}** volunteers, each with an SAE probability of **0.004**.\n\n" +
        "Produce `ex4_7_benefitRiskRatio`: expected SAEs avoided divided by expected SAEs caused (dimensionless).",
    ),
    exportName: "ex4_7_benefitRiskRatio",
    checks: [{ type: "range", name: "a ratio of expectations is positive", min: 0, max: 1e9 }],
    hints: [
      mistake(
        "always-stopped",
        "Phase I is avoided only when the candidate fails (probability 0.35): weight the benefit by it.",
      ),
      mistake("inverted", "Upside down: benefit (SAEs avoided) over risk (SAEs caused)."),
    ],
    pitfalls: ["expected values"],
    source: '001_079d5926d130f870.txt, "The Ethical Imperative: A Favorable Risk-Benefit Profile"',
  }),
];
