import type { Random } from "../../core";
import { logUniform, positiveVector, quantityOf, seriesOf, sig4, uniformIn } from "../generators";
import { above, mistake, percentVsFraction, scaledBy, unitSlip } from "../hints";
import { quantityArg, quantityIn, seriesArg } from "../probe-args";
import { varied } from "../variants/prompt";
import { defineFunction, defineValue } from "./define";

/** Chapter 5 — Applications: bioavailability, PET occupancy, midazolam DDI, AMS mass balance and metabolites, predictivity, content uniformity. */

/** Occupancy data around a Kd with 2 % absolute noise, clipped away from 0 and 1. */
function occupancyData(rng: Random): [number[], number[]] {
  const kd = logUniform(rng, 0.5, 50);
  const n = rng.integer(6, 10);
  const conc = Array.from({ length: n }, (_, i) =>
    sig4(kd * Math.pow(10, -1 + (2 * i) / (n - 1)) * Math.exp(0.1 * rng.normal())),
  );
  const occ = conc.map((c) => sig4(Math.min(0.995, Math.max(0.005, c / (c + kd) + 0.02 * rng.normal()))));
  return [conc, occ];
}

function contentSample(rng: Random, n: 10 | 30): number[] {
  const mean = uniformIn(rng, 94, 106);
  const sd = uniformIn(rng, 0.5, 6);
  return Array.from({ length: n }, () => sig4(rng.normal(mean, sd)));
}

const aboveHundred = above(
  "ng-not-percent",
  100,
  "An acceptance value above 100 usually means the contents were not converted to % of label claim (content / 2.0 µg × 100).",
);

export const chapter5 = [
  defineValue({
    id: "ex-5.1",
    chapter: 5,
    points: 4,
    title: "Case study: absolute bioavailability from two profiles",
    ...varied(
      "ex-5.1",
      "`ex5_1_data` in exercises/ch05.ts holds a simultaneous IV ¹⁴C-microtracer (100 µg, AMS, pg/mL) and oral (20 mg, LC-MS/MS, " +
        "ng/mL) study. Compute each AUC from 0 to 48 h with the **linear-up/log-down** trapezoid (your ex-3.2), then " +
        "F = (AUC_po/D_po)/(AUC_iv/D_iv).\n\n" +
        "Produce `ex5_1_bioavailability`: F as a **fraction**.",
    ),
    exportName: "ex5_1_bioavailability",
    checks: [{ type: "range", name: "a bioavailability is a fraction in [0, 1]", min: 0, max: 1 }],
    hints: [
      unitSlip("Off by 1000: pg vs ng, µg vs mg — convert one pair and not the other and F is off by 1000."),
      percentVsFraction("fraction"),
    ],
    pitfalls: ["unit slip pg vs ng, µg vs mg", "AUC method"],
    source: '001_079d5926d130f870.txt, "The Microtracer Technique for Absolute Bioavailability"',
  }),
  defineValue({
    id: "ex-5.2",
    chapter: 5,
    points: 2,
    title: "PET occupancy from binding potentials",
    ...varied(
      "ex-5.2",
      "A PET study measured the non-displaceable binding potential of a radioligand in the striatum: **BP_ND = {bpBaseline}** at baseline " +
        "and **{bpDrug}** after the drug.\n\n" +
        "Produce `ex5_2_occupancyPercent`: the target occupancy, 1 − BP_drug/BP_baseline, in **percent**.",
    ),
    exportName: "ex5_2_occupancyPercent",
    checks: [{ type: "range", name: "an occupancy in percent lies in [0, 100]", min: 0, max: 100 }],
    hints: [
      mistake(
        "remaining-binding",
        "That is the binding that REMAINS; occupancy is what the drug took away: 1 − BP_drug/BP_baseline.",
      ),
      percentVsFraction("percent"),
    ],
    pitfalls: ["occupancy vs remaining binding"],
    source: '001_079d5926d130f870.txt, "Introduction" (PET target engagement)',
  }),
  defineFunction({
    id: "ex-5.3",
    chapter: 5,
    points: 4,
    title: "Fitting K_d to occupancy data",
    prompt:
      "Implement `fitKd(conc, occupancy)`: the K_d that minimises the sum of squared differences between the observed " +
      "occupancies (fractions, plain numbers) and ρ = C/(C + K_d), over K_d > 0, to a relative precision of 10⁻⁶ or better (a " +
      "grid in log K_d followed by golden-section search works well). `conc` is a series of molar concentrations (e.g. " +
      '`series([0.5, 1, 2], "nM")`; pM may come too). Return K_d as a Unit; it is checked in **nM**.',
    exportName: "fitKd",
    answer: { type: "number", unit: "nM" },
    signature: "(conc: Series, occupancy: number[]): Unit",
    tolerance: { rel: 1e-4 },
    generate: (rng) => {
      const [conc, occ] = occupancyData(rng);
      return [seriesOf(rng, conc, "nM", { pM: 1000 }), occ];
    },
    checks: [
      {
        type: "example",
        name: "noise-free data made with K_d = 5 nM give back 5 nM",
        args: [seriesArg([1, 2, 5, 10, 20, 50], "nM"), [1, 2, 5, 10, 20, 50].map((c) => c / (c + 5))],
        expected: 5,
        tolerance: { rel: 1e-4 },
      },
      {
        type: "hashed",
        key: "a",
        name: "a noisy PET-like data set",
        args: [seriesArg([0.5, 1, 2, 4, 8, 16, 32], "nM"), [0.08, 0.15, 0.29, 0.42, 0.61, 0.74, 0.86]],
      },
      {
        type: "property",
        name: "concentrations ×10 give a K_d ×10",
        samples: (rng) =>
          Array.from({ length: 3 }, () => {
            const [c, o] = occupancyData(rng);
            return [
              [seriesArg(c, "nM"), o],
              [
                seriesArg(
                  c.map((x) => x * 10),
                  "nM",
                ),
                o,
              ],
            ];
          }).flat(),
        holds: (out) => {
          for (let i = 0; i < out.length; i += 2)
            if (Math.abs((out[i + 1] as number) / (10 * (out[i] as number)) - 1) > 1e-4)
              return "K_d did not scale with the concentrations";
          return true;
        },
      },
    ],
    hints: [
      mistake(
        "averaged-estimates",
        "Averaging per-point K_d estimates C(1 − ρ)/ρ is not least squares: minimise Σ(ρ_obs − C/(C + K_d))².",
      ),
    ],
    pitfalls: ["fitting"],
    source: '001_079d5926d130f870.txt, "The Pharmacokinetic-Pharmacodynamic Disconnect"',
  }),
  defineValue({
    id: "ex-5.4",
    chapter: 5,
    points: 2,
    title: "Midazolam microdose DDI: the AUC ratio",
    ...varied(
      "ex-5.4",
      "A midazolam microdose (100 µg) gave AUC = **{aucAloneNgHPerMl} ng·h/mL** alone and AUC = **14 200 pg·h/mL** after ketoconazole.\n\n" +
        "Produce `ex5_4_aucRatio`: AUC with inhibitor / AUC alone (dimensionless).",
    ),
    exportName: "ex5_4_aucRatio",
    checks: [{ type: "range", name: "an inhibitor can only raise the AUC: ratio ≥ 1", min: 1, max: 1e9 }],
    hints: [unitSlip("Off by 1000: 14 200 pg·h/mL = 14.2 ng·h/mL.")],
    pitfalls: ["unit slip pg vs ng"],
    source: "chapter 5: microdose drug–drug interaction studies",
  }),
  defineFunction({
    id: "ex-5.5",
    chapter: 5,
    points: 3,
    title: "Predicting a DDI with the static model",
    prompt:
      "Implement `aucRatioStaticModel(fm, inhibitorConc, ki)`: the predicted AUC ratio (a plain number) of a victim drug whose " +
      "clearance is a fraction `fm` through the inhibited enzyme, for a reversible inhibitor at unbound concentration " +
      '`inhibitorConc` with inhibition constant `ki`, both molar concentrations (e.g. `unit("200 nM")` and `unit("0.01 uM")`): ' +
      "AUCR = 1 / (fm / (1 + [I]/K_i) + (1 − fm)).",
    exportName: "aucRatioStaticModel",
    signature: "(fm: number, inhibitorConc: Unit, ki: Unit): number",
    generate: (rng) => [
      sig4(uniformIn(rng, 0, 1)),
      quantityOf(rng, logUniform(rng, 0.01, 1000), "nM", { uM: 1e-3 }),
      quantityOf(rng, logUniform(rng, 0.1, 100), "nM", { uM: 1e-3 }),
    ],
    checks: [
      {
        type: "hashed",
        key: "a",
        name: "fm 0.9, [I] 200 nM, Ki 10 nM",
        args: [0.9, quantityArg(200, "nM"), quantityArg(10, "nM")],
      },
      {
        type: "hashed",
        key: "b",
        name: "fm 0.5, [I] 5 nM, Ki 20 nM",
        args: [0.5, quantityArg(5, "nM"), quantityArg(20, "nM")],
      },
      {
        type: "property",
        name: "1 ≤ AUCR ≤ 1/(1 − fm), and AUCR = 1 without inhibitor",
        samples: (rng) =>
          Array.from({ length: 8 }, (_, i) => [
            sig4(uniformIn(rng, 0, 0.99)),
            quantityArg(i === 0 ? 0 : sig4(logUniform(rng, 0.01, 1000)), "nM"),
            quantityArg(sig4(logUniform(rng, 0.1, 100)), "nM"),
          ]),
        holds: (out, args) => {
          for (let i = 0; i < out.length; i++) {
            const fm = args[i][0] as number;
            const r = out[i] as number;
            if (r < 1 - 1e-12 || r > 1 / (1 - fm) + 1e-9)
              return `AUCR ${r} outside [1, ${1 / (1 - fm)}] for fm = ${fm}`;
            if (quantityIn(args[i][1], "nM") === 0 && Math.abs(r - 1) > 1e-12)
              return "without inhibitor the ratio must be 1";
          }
          return true;
        },
      },
    ],
    hints: [
      mistake(
        "fm-one",
        "That is 1 + [I]/K_i, which assumes fm = 1: the uninhibited pathways (1 − fm) cap the interaction.",
      ),
    ],
    pitfalls: ["fraction metabolised"],
    source: "chapter 5: microdose drug–drug interaction studies",
  }),
  defineValue({
    id: "ex-5.6",
    chapter: 5,
    points: 3,
    title: "Mass balance with a microtracer",
    ...varied(
      "ex-5.6",
      "A human ADME microtracer study gave **3.7 kBq** of ¹⁴C. The collected urine held **{urineDpm:grouped} dpm** and the faeces **{faecesDpm:grouped} dpm**.\n\n" +
        "Produce `ex5_6_recoveryPercent`: the total recovery in **percent** of the administered radioactivity.",
    ),
    exportName: "ex5_6_recoveryPercent",
    hints: [
      scaledBy("dpm-as-bq", [60, 1 / 60], "dpm are disintegrations per MINUTE, Bq per SECOND: 1 Bq = 60 dpm."),
      unitSlip("Off by 1000: 3.7 kBq = 3700 Bq."),
      percentVsFraction("percent"),
    ],
    pitfalls: ["dpm vs Bq"],
    source: "chapter 5: AMS mass balance",
  }),
  defineValue({
    id: "ex-5.7",
    chapter: 5,
    points: 3,
    title: "A metabolite's share of the radioactivity",
    ...varied(
      "ex-5.7",
      "Plasma total ¹⁴C AUC was **{totalAucNgEqHPerMl} ng-eq·h/mL** (parent-equivalents; parent MW **426 g/mol**). The metabolite M1 (MW **482 g/mol**) " +
        "was quantified separately: AUC = **{m1AucNgHPerMl} ng·h/mL** of M1.\n\n" +
        "Produce `ex5_7_m1PercentOfRadioactivity`: M1's AUC as a **percent** of the total radioactivity AUC (in parent-equivalents).",
    ),
    exportName: "ex5_7_m1PercentOfRadioactivity",
    hints: [
      mistake(
        "no-mw-conversion",
        "ng of M1 are not ng-equivalents of parent: convert with the molecular weights (× 426/482).",
      ),
      mistake(
        "mw-upside-down",
        "The MW ratio is upside down: one M1 molecule is one parent molecule, so ng-eq = ng(M1) × MW_parent/MW_M1.",
      ),
    ],
    pitfalls: ["mass vs molar equivalents"],
    source: "chapter 5: AMS metabolite profiling",
  }),
  defineFunction({
    id: "ex-5.8",
    chapter: 5,
    points: 3,
    title: "How predictive was the microdose?",
    prompt:
      "Implement `geometricMeanFoldError(predicted, observed)`: the absolute average fold error 10^(mean |log10(predicted/observed)|) " +
      "(a plain number) over paired positive values: CL/F predicted from microdoses vs observed at therapeutic doses, each a " +
      'series of clearances — and the two may come in different units (e.g. `series([12, 40], "L/h")` and ' +
      '`series([170, 410], "mL/min")`).',
    exportName: "geometricMeanFoldError",
    signature: "(predicted: Series, observed: Series): number",
    generate: (rng) => {
      const n = rng.integer(3, 15);
      const observed = positiveVector(rng, n, 20, 1);
      return [
        seriesOf(
          rng,
          observed.map((o) => sig4(o * Math.exp(0.6 * rng.normal()))),
          "L/h",
          { "mL/min": 1000 / 60 },
        ),
        seriesOf(rng, observed, "L/h", { "mL/min": 1000 / 60 }),
      ];
    },
    checks: [
      {
        type: "example",
        name: "a single prediction 2-fold off gives 2",
        args: [seriesArg([10], "L/h"), seriesArg([20], "L/h")],
        expected: 2,
        tolerance: { rel: 1e-12 },
      },
      {
        type: "example",
        name: "the same clearance in two units (60 L/h and 1000 mL/min) gives 1",
        args: [seriesArg([60], "L/h"), seriesArg([1000], "mL/min")],
        expected: 1,
        tolerance: { rel: 1e-9 },
      },
      {
        type: "hashed",
        key: "a",
        name: "eight compounds",
        args: [
          seriesArg([12, 40, 3.1, 55, 8, 19, 0.9, 140], "L/h"),
          seriesArg([10, 25, 4.4, 60, 16, 17, 1.1, 90], "L/h"),
        ],
      },
      {
        type: "property",
        name: "at least 1, and the same when predicted and observed swap",
        samples: (rng) =>
          Array.from({ length: 4 }, () => {
            const p = seriesArg(positiveVector(rng, 6, 10, 1), "L/h");
            const o = seriesArg(positiveVector(rng, 6, 10, 1), "L/h");
            return [
              [p, o],
              [o, p],
            ];
          }).flat(),
        holds: (out) => {
          for (let i = 0; i < out.length; i += 2) {
            if ((out[i] as number) < 1 - 1e-12) return `a fold error below 1 (${String(out[i])})`;
            if (Math.abs((out[i] as number) - (out[i + 1] as number)) > 1e-9 * (out[i] as number))
              return "swapping predicted and observed changed the result";
          }
          return true;
        },
      },
    ],
    hints: [
      mistake(
        "signed",
        "Take the ABSOLUTE value of each log ratio, or over- and under-predictions cancel (that is the AFE, a bias measure).",
      ),
      mistake("arithmetic", "Average on the log scale (a geometric mean), not the fold errors themselves."),
    ],
    pitfalls: ["predictivity"],
    source: "chapter 5: predictivity of microdosing",
  }),
  defineFunction({
    id: "ex-5.9",
    chapter: 5,
    points: 4,
    title: "Content uniformity: the acceptance value",
    prompt:
      "Implement `acceptanceValue(contentsPercent)`: the pharmacopoeial content-uniformity acceptance value AV = |M − X̄| + k·s for " +
      "individual contents in **% of label claim** (target T = 100 %), n = 10 (k = 2.4) or n = 30 (k = 2.0); s is the sample " +
      "standard deviation (n − 1). Reference value M: X̄ if 98.5 ≤ X̄ ≤ 101.5, 98.5 if X̄ < 98.5, 101.5 if X̄ > 101.5.",
    exportName: "acceptanceValue",
    signature: "(contentsPercent: number[]): number",
    generate: (rng) => [contentSample(rng, rng.uniform() < 0.6 ? 10 : 30)],
    checks: [
      {
        type: "example",
        name: "ten perfect tablets give AV = 0",
        args: [Array(10).fill(100)],
        expected: 0,
        tolerance: { rel: 0, abs: 1e-9 },
      },
      {
        type: "hashed",
        key: "a",
        name: "ten tablets around 99 %",
        args: [[98.2, 101.5, 99.0, 97.6, 100.4, 98.9, 99.7, 102.1, 98.4, 99.3]],
      },
      {
        type: "hashed",
        key: "b",
        name: "ten tablets around 95 %",
        args: [[94.1, 96.3, 95.0, 93.8, 97.2, 95.5, 94.7, 96.0, 95.2, 94.4]],
      },
      {
        type: "hashed",
        key: "c",
        name: "thirty tablets around 103 %",
        args: [Array.from({ length: 30 }, (_, i) => 103 + ((i * 7) % 11) / 5 - 1)],
      },
    ],
    hints: [
      mistake("population-sd", "Use the SAMPLE standard deviation (divide by n − 1)."),
      mistake("m-is-100", "M is not always 100: within 98.5–101.5 % it is the mean itself (so |M − X̄| = 0)."),
    ],
    pitfalls: ["content uniformity of microgram dosage forms"],
    source: '000_0e59da50f18e1b01.txt, "Manufacturing and Content Uniformity of Microgram Dosage Forms"',
  }),
  defineValue({
    id: "ex-5.10",
    chapter: 5,
    points: 3,
    title: "Content uniformity at 2 µg",
    ...varied(
      "ex-5.10",
      "Ten micro-tablets labelled **2.0 µg** were assayed; `ex5_10_contentsNg` in exercises/ch05.ts holds their contents in **ng**.\n\n" +
        "Produce `ex5_10_acceptanceValue`: their acceptance value (as in ex-5.9, on % of label claim). Does the batch pass L1 = 15?",
    ),
    exportName: "ex5_10_acceptanceValue",
    checks: [{ type: "range", name: "an acceptance value is ≥ 0", min: 0, max: 1e9 }],
    hints: [aboveHundred],
    pitfalls: ["unit slip ng vs µg", "content uniformity of microgram dosage forms"],
    source: '000_0e59da50f18e1b01.txt, "Manufacturing and Content Uniformity of Microgram Dosage Forms"',
  }),
  defineValue({
    id: "ex-5.11",
    chapter: 5,
    points: 3,
    title: "Two phases: the steady-state volume of a microtracer",
    ...varied(
      "ex-5.11",
      "A **100 µg** IV ¹⁴C microtracer declined in two phases. AMS data were fitted with C(t) = A·e^(−αt) + B·e^(−βt): " +
        "**A = {aPgPerMl:grouped} pg/mL**, **α = {alpha} h⁻¹**, **B = {bPgPerMl} pg/mL**, **β = {beta} h⁻¹**.\n\n" +
        "Produce `ex5_11_vssLitres`: the steady-state volume **Vss = V1 + V2** in **L**, from the two-compartment relations of the chapter " +
        "(V1 = D/(A + B), k21 = (A·β + B·α)/(A + B), α·β = k10·k21, α + β = k10 + k12 + k21, V2 = V1·k12/k21).",
    ),
    exportName: "ex5_11_vssLitres",
    hints: [
      mistake(
        "central-volume",
        "That is V1 = D/(A + B), the central volume only: Vss adds the peripheral volume V2 = V1·k12/k21.",
      ),
      mistake(
        "terminal-volume",
        "That is Vz = CL/β, the volume of the terminal phase: with two compartments it is larger than Vss, because the tissues hand drug back at the end.",
      ),
      mistake(
        "extrapolated-volume",
        "That is D/B, from back-extrapolating the terminal phase alone: it ignores the α phase.",
      ),
      unitSlip("Off by 1000: pg/mL = ng/L, and 100 µg = 100 000 ng."),
    ],
    pitfalls: ["Vss vs Vz vs V1", "unit slip pg vs ng"],
    source: "chapter 5: the two-compartment microtracer",
  }),
];
