import { areaTo } from "../../nca/trapezoid";
import { logUniform, oralProfile, quantityOf, seriesOf, sig4 } from "../generators";
import { mistake, scaledBy, unitSlip } from "../hints";
import { quantityArg, seriesArg, seriesIn } from "../probe-args";
import type { JsonValue } from "../types";
import { varied } from "../variants/prompt";
import { defineFunction, defineValue } from "./define";

/** Chapter 3 — Methods: Phase 0 designs, microdose-alone CL/F, IV microtracer F, LC-MS/MS vs AMS, Poisson precision. */

/** Linear trapezoid AUC (the simple method the exercise improves on; not the answer), by the library's own rule. */
const linearTrapezoid = (time: number[], conc: number[]): number =>
  areaTo("linear", time, conc, time.length - 1, false);

const expDecline = [0, 1, 2, 4, 8].map((t) => 10 * Math.exp(-0.2 * t));

/** ex-3.2's arguments: times [h] and concentrations [ng/mL], the units of its public checks. */
const profileArgs = (time: readonly number[], conc: readonly number[]): JsonValue[] => [
  seriesArg(time, "h"),
  seriesArg(conc, "ng/mL"),
];

/** A profile argument pair back as numbers in h and ng/mL, for the properties. */
const profileNumbers = (args: readonly JsonValue[]): [number[], number[]] => [
  seriesIn(args[0], "h"),
  seriesIn(args[1], "ng/mL"),
];

export const chapter3 = [
  defineValue({
    id: "ex-3.1",
    chapter: 3,
    points: 2,
    title: "Apparent oral clearance from a microdose",
    ...varied(
      "ex-3.1",
      "In a microdose-alone study a volunteer swallowed **{doseUg} µg**; the plasma AUC from 0 to infinity was **{aucNgHPerMl} ng·h/mL**.\n\n" +
        "Produce `ex3_1_apparentClearanceLPerH`: CL/F in **L/h** (a number, or a mathjs Unit).",
    ),
    exportName: "ex3_1_apparentClearanceLPerH",
    answer: { type: "number", unit: "L/h" },
    tsType: "number | Unit",
    hints: [
      unitSlip("Off by 1000: µg / (ng·h/mL) is 1000 mL/h per unit, i.e. 1 L/h. Keep track of mL vs L and ng vs µg."),
    ],
    pitfalls: ["unit slip ng/mL, mL/h vs L/h"],
    source: '001_079d5926d130f870.txt, "Microdosing for Basic Pharmacokinetics"',
  }),
  defineFunction({
    id: "ex-3.2",
    chapter: 3,
    points: 4,
    title: "AUC by the linear-up / log-down trapezoid",
    prompt:
      "Implement `aucLinearUpLogDown(time, conc)`: the AUC from the first to the last observation " +
      "by the linear-up/log-down rule used by PKNCA and Phoenix WinNonlin: on a segment where the concentration **falls** " +
      "and both concentrations are positive use the log trapezoid (C1 − C2)·Δt / ln(C1/C2); otherwise (rising, flat, or a zero) " +
      'the linear trapezoid. Both arguments are series (`series([0, 0.5, 1], "h")`: `.values` in `.unit`): `time` is strictly ' +
      "increasing (h or min), concentrations are ≥ 0 (ng/mL, µg/L or pg/mL). Return a Unit: the area in the concentration " +
      "unit × the time unit; it is checked in **ng·h/mL**.",
    exportName: "aucLinearUpLogDown",
    answer: { type: "number", unit: "ng*h/mL" },
    signature: "(time: Series, conc: Series): Unit",
    generate: (rng) => {
      const p = oralProfile(rng, 100);
      const conc = rng.uniform() < 0.3 ? [...p.conc.slice(0, -1), 0] : p.conc;
      return [seriesOf(rng, p.time, "h", { min: 60 }), seriesOf(rng, conc, "ng/mL", { "ug/L": 1, "pg/mL": 1000 })];
    },
    checks: [
      {
        type: "example",
        name: "exact for an exponential decline: C = 10·e^(−0.2t) ng/mL on 0–8 h gives 50·(1 − e^(−1.6)) ng·h/mL",
        args: profileArgs([0, 1, 2, 4, 8], expDecline),
        expected: 50 * (1 - Math.exp(-1.6)),
        tolerance: { rel: 1e-9 },
      },
      {
        type: "hashed",
        key: "a",
        name: "an oral profile 0–24 h",
        args: profileArgs([0, 0.5, 1, 2, 4, 6, 8, 12, 24], [0, 42.1, 68.3, 80.2, 61.5, 44, 31.9, 16.8, 2.9]),
      },
      {
        type: "hashed",
        key: "b",
        name: "a plateau and a final zero",
        args: profileArgs([0, 1, 2, 3, 4, 6], [0, 10, 10, 5, 2.5, 0]),
      },
      {
        type: "property",
        name: "never above the linear trapezoid (log-down only lowers falling segments)",
        samples: (rng) =>
          Array.from({ length: 8 }, () => {
            const p = oralProfile(rng, 50);
            return profileArgs(p.time, p.conc);
          }),
        holds: (out, args) => {
          for (let i = 0; i < out.length; i++) {
            const lin = linearTrapezoid(...profileNumbers(args[i]));
            if (!((out[i] as number) <= lin * (1 + 1e-12)))
              return `AUC ${String(out[i])} exceeds the linear trapezoid ${lin.toPrecision(6)}`;
          }
          return true;
        },
      },
      {
        type: "property",
        name: "equals the linear trapezoid when the concentration never falls",
        samples: (rng) =>
          Array.from({ length: 5 }, () => {
            const n = rng.integer(3, 8);
            const time = Array.from({ length: n }, (_, i) => i * 2);
            let c = 0;
            return profileArgs(
              time,
              time.map(() => sig4((c += logUniform(rng, 0.5, 20)))),
            );
          }),
        holds: (out, args) => {
          for (let i = 0; i < out.length; i++) {
            const lin = linearTrapezoid(...profileNumbers(args[i]));
            if (Math.abs((out[i] as number) - lin) > 1e-9 * lin)
              return `for a rising profile the AUC should be the linear trapezoid (${lin.toPrecision(6)}); received ${String(out[i])}`;
          }
          return true;
        },
      },
      {
        type: "property",
        name: "scaling every concentration by 3 scales the AUC by 3",
        samples: (rng) =>
          Array.from({ length: 4 }, () => {
            const p = oralProfile(rng, 20);
            return [
              profileArgs(p.time, p.conc),
              profileArgs(
                p.time,
                p.conc.map((c) => c * 3),
              ),
            ];
          }).flat(),
        holds: (out) => {
          for (let i = 0; i < out.length; i += 2)
            if (Math.abs((out[i + 1] as number) - 3 * (out[i] as number)) > 1e-9 * Math.abs(out[i + 1] as number))
              return "AUC(3·C) ≠ 3·AUC(C)";
          return true;
        },
      },
    ],
    hints: [
      mistake(
        "linear-only",
        "This is the linear trapezoid everywhere: use the log trapezoid where the concentration falls.",
      ),
      mistake("log-on-rise", "Use the log trapezoid only where the concentration FALLS; rising segments stay linear."),
    ],
    pitfalls: ["AUC method"],
    source: '001_079d5926d130f870.txt, "Microdosing for Basic Pharmacokinetics"',
  }),
  defineValue({
    id: "ex-3.3",
    chapter: 3,
    points: 3,
    title: "Absolute bioavailability from an IV microtracer",
    ...varied(
      "ex-3.3",
      "Volunteers took **50 mg** of the unlabelled drug orally and, at the same time, an IV microtracer of **100 µg** of the " +
        "¹⁴C-labelled drug. LC-MS/MS gave AUC_po = **{aucPoNgHPerMl} ng·h/mL** for the oral dose; AMS gave AUC_iv = **{aucIvNgHPerMl} ng·h/mL** for the tracer.\n\n" +
        "Produce `ex3_3_bioavailability`: the absolute oral bioavailability F as a **fraction**.",
    ),
    exportName: "ex3_3_bioavailability",
    checks: [{ type: "range", name: "a bioavailability is a fraction in [0, 1]", min: 0, max: 1 }],
    hints: [
      unitSlip(
        "Off by 1000: the doses are in different units (50 mg = 50 000 µg); put both in the same unit before dividing.",
      ),
      mistake("inverted", "This is 1/F, upside down: F = CL / (CL/F) = (AUC_po/D_po) / (AUC_iv/D_iv)."),
    ],
    pitfalls: ["unit slip µg vs mg"],
    source: '001_079d5926d130f870.txt, "The Microtracer Technique for Absolute Bioavailability"',
  }),
  defineFunction({
    id: "ex-3.4",
    chapter: 3,
    points: 2,
    title: "Systemic clearance from the IV tracer",
    prompt:
      "Implement `systemicClearanceFromIv(doseIv, aucIv)`: CL = Dose_iv / AUC_iv, for a dose given as a mass " +
      '(e.g. `unit("100 ug")`) and an AUC as an exposure (e.g. `unit("5000 pg h/mL")`: AMS data are often reported in pg). ' +
      "Return a Unit; it is checked in **L/h**.",
    exportName: "systemicClearanceFromIv",
    answer: { type: "number", unit: "L/h" },
    signature: "(doseIv: Unit, aucIv: Unit): Unit",
    generate: (rng) => [
      quantityOf(rng, logUniform(rng, 1, 100), "ug", { ng: 1000, mg: 1e-3 }),
      quantityOf(rng, logUniform(rng, 100, 1e5), "pg h/mL", { "ng h/mL": 1e-3 }),
    ],
    checks: [
      {
        type: "hashed",
        key: "a",
        name: "100 µg and 5000 pg·h/mL",
        args: [quantityArg(100, "ug"), quantityArg(5000, "pg h/mL")],
      },
      {
        type: "hashed",
        key: "b",
        name: "37 µg and 880 pg·h/mL",
        args: [quantityArg(37, "ug"), quantityArg(880, "pg h/mL")],
      },
      {
        type: "property",
        name: "proportional to the dose at a fixed AUC",
        samples: (rng) =>
          Array.from({ length: 4 }, () => {
            const auc = sig4(logUniform(rng, 100, 1e5));
            const d = sig4(logUniform(rng, 1, 50));
            return [
              [quantityArg(d, "ug"), quantityArg(auc, "pg h/mL")],
              [quantityArg(2 * d, "ug"), quantityArg(auc, "pg h/mL")],
            ];
          }).flat(),
        holds: (out) => {
          for (let i = 0; i < out.length; i += 2)
            if (Math.abs((out[i + 1] as number) - 2 * (out[i] as number)) > 1e-9 * (out[i + 1] as number))
              return "CL(2·dose) ≠ 2·CL(dose)";
          return true;
        },
      },
    ],
    hints: [
      unitSlip(
        "Off by 1000: a quantity was read with toNumber in one unit and rebuilt in another (mL vs L, pg vs ng). " +
          "Return math.divide(doseIv, aucIv) and let mathjs convert.",
      ),
    ],
    pitfalls: ["reading a quantity in the wrong unit"],
    source: '001_079d5926d130f870.txt, "The Microtracer Technique for Absolute Bioavailability"',
  }),
  defineValue({
    id: "ex-3.5",
    chapter: 3,
    points: 2,
    title: "How many counts for a target precision?",
    ...varied(
      "ex-3.5",
      "AMS counts ¹⁴C atoms; the count N is Poisson distributed, so its standard deviation is √N.\n\n" +
        "Produce `ex3_5_countsFor3Percent`: the **smallest whole number of counts** whose relative standard deviation is at most **{rsdPercent} %**.",
    ),
    exportName: "ex3_5_countsFor3Percent",
    // 5 figures: at 4, 1111 (rounded down) and 1111.1 (not rounded) hash alike and both hints fired.
    sigFigs: 5,
    slack: 0,
    tolerance: { rel: 0, abs: 0 },
    hints: [
      mistake("rounded-down", "1111 counts give a relative SD of 3.0001 %: round UP to the next whole count."),
      mistake("one-over-cv", "The relative SD is √N / N = 1/√N, so N = 1/RSD², not 1/RSD."),
      mistake("not-rounded", "A count is a whole number: round 1/RSD² up."),
    ],
    pitfalls: ["Poisson precision at low counts"],
    source: '001_079d5926d130f870.txt, "Enabling Technology: Ultra-Sensitive Bioanalysis"',
  }),
  defineValue({
    id: "ex-3.6",
    chapter: 3,
    points: 3,
    title: "¹⁴C atoms in a plasma sample",
    ...varied(
      "ex-3.6",
      "A **1 mL** plasma sample holds **{concPgPerMl} pg/mL** of a labelled drug (molecular weight **{molecularWeight} g/mol**). The tracer was diluted " +
        "so that **1 molecule in 50 000** carries a ¹⁴C atom (label fraction 2 × 10⁻⁵). Avogadro's number: 6.02214076 × 10²³ /mol.\n\n" +
        "Produce `ex3_6_c14Atoms`: the number of ¹⁴C atoms in the sample (a plain number).",
    ),
    exportName: "ex3_6_c14Atoms",
    hints: [
      unitSlip("Off by 1000: 1 pg = 10⁻¹² g (not 10⁻⁹ g)."),
      scaledBy(
        "no-label-fraction",
        [50000],
        "Only 1 molecule in 50 000 carries a ¹⁴C atom: multiply the molecule count by the label fraction.",
      ),
    ],
    pitfalls: ["unit slip pg vs ng"],
    source: '001_079d5926d130f870.txt, "Enabling Technology: Ultra-Sensitive Bioanalysis"',
  }),
  defineValue({
    id: "ex-3.7",
    chapter: 3,
    points: 3,
    title: "How long can LC-MS/MS follow a microdose?",
    ...varied(
      "ex-3.7",
      "An IV microdose of **100 µg** distributes in **V = {volumeL} L** (one compartment) and has a half-life of **{halfLifeH} h**. The LC-MS/MS " +
        "assay has a lower limit of quantitation of **5 pg/mL**.\n\n" +
        "Produce `ex3_7_lcmsQuantifiableHours`: the time after the dose, in **h**, at which the concentration falls to the LLOQ " +
        '(a number, or a quantity such as `unit("… h")`).',
    ),
    exportName: "ex3_7_lcmsQuantifiableHours",
    answer: { type: "number", unit: "h" },
    tsType: "number | Unit",
    checks: [{ type: "range", name: "a time after the dose is positive", min: 0, max: 1e6 }],
    hints: [mistake("half-life-as-k", "The elimination rate constant is k = ln 2 / t½, not t½ itself."), unitSlip()],
    pitfalls: ["unit slip µg/L vs pg/mL"],
    source: '001_079d5926d130f870.txt, "Enabling Technology: Ultra-Sensitive Bioanalysis"',
  }),
  defineValue({
    id: "ex-3.8",
    chapter: 3,
    points: 2,
    title: "What AMS adds",
    ...varied(
      "ex-3.8",
      "Same microdose as ex-3.7, now measured by AMS with a quantitation limit of **0.02 pg/mL**.\n\n" +
        "Produce `ex3_8_extraHoursWithAms`: how many **hours longer** than LC-MS/MS the AMS assay can follow the profile " +
        '(a number, or a quantity such as `unit("… h")`).',
    ),
    exportName: "ex3_8_extraHoursWithAms",
    answer: { type: "number", unit: "h" },
    tsType: "number | Unit",
    hints: [mistake("total-time", "That is the whole AMS window; the question asks for the difference from LC-MS/MS.")],
    pitfalls: ["LC-MS/MS vs AMS sensitivity"],
    source: '001_079d5926d130f870.txt, "Enabling Technology: Ultra-Sensitive Bioanalysis"',
  }),
];
