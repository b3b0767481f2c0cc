import { ivProfile, logUniform, oralProfile, quantityOf, seriesOf, sig4, uniformIn } from "../generators";
import { mistake, percentVsFraction, scaledBy, unitSlip } from "../hints";
import { quantityArg, quantityIn, seriesArg } from "../probe-args";
import type { JsonValue } from "../types";
import { varied } from "../variants/prompt";
import { defineFunction, defineValue } from "./define";

/** Chapter 6 — Hands-on practice: problems that join the chapters, and the pitfalls. */

/** ex-6.1's arguments in the units of its checks: dose [µg], times [h], concentrations [pg/mL]. */
const microdoseProfileArgs = (doseUg: number, time: number[], conc: number[]): JsonValue[] => [
  quantityArg(doseUg, "ug"),
  seriesArg(time, "h"),
  seriesArg(conc, "pg/mL"),
];

/** ex-6.5's arguments in the units of its checks: dose [mg], V [L], CL0 and CL_ss [L/h], β [1/h]. */
const timeDependentArgs = (doseMg: number, volumeL: number, cl0: number, clss: number, beta: number): JsonValue[] => [
  quantityArg(doseMg, "mg"),
  quantityArg(volumeL, "L"),
  quantityArg(cl0, "L/h"),
  quantityArg(clss, "L/h"),
  quantityArg(beta, "h^-1"),
];

/** ex-6.9's arguments in the units of its checks: sample volume [mL], MW [g/mol]. */
const amsArgs = (rsd: number, volumeMl: number, mw: number, label: number, efficiency: number): JsonValue[] => [
  rsd,
  quantityArg(volumeMl, "mL"),
  quantityArg(mw, "g/mol"),
  label,
  efficiency,
];

/** ex-6.11's arguments in the units of its checks: dose [µg], D_min [mg], F. */
const microdoseArgs = (doseUg: number, minActiveMg: number, f: number): JsonValue[] => [
  quantityArg(doseUg, "ug"),
  quantityArg(minActiveMg, "mg"),
  f,
];

export const chapter6 = [
  defineFunction({
    id: "ex-6.1",
    chapter: 6,
    points: 4,
    title: "CL/F from a microdose profile, end to end",
    prompt:
      "Implement `apparentOralClearance(dose, time, conc)`: CL/F after an oral microdose `dose` (a mass, e.g. " +
      '`unit("100 ug")`) with plasma concentrations `conc` at `time`, two series (e.g. `series([0, 0.5, 1], "h")` and ' +
      '`series([0, 42.1, 68.3], "pg/mL")`; minutes and ng/mL may come too). Use AUC(0–∞) = AUC(0–tlast) by the ' +
      "linear-up/log-down trapezoid + C_last/λz, with λz the negative slope of an ordinary least-squares line through ln C of " +
      "the **last 3** points. Return a Unit; it is checked in **L/h**.",
    exportName: "apparentOralClearance",
    answer: { type: "number", unit: "L/h" },
    signature: "(dose: Unit, time: Series, conc: Series): Unit",
    generate: (rng) => {
      const p = oralProfile(rng, 50);
      return [
        quantityOf(rng, logUniform(rng, 10, 100), "ug", { mg: 1e-3 }),
        seriesOf(rng, p.time, "h", { min: 60 }),
        seriesOf(rng, p.conc, "pg/mL", { "ng/L": 1, "ng/mL": 1e-3 }),
      ];
    },
    checks: [
      {
        type: "hashed",
        key: "a",
        name: "100 µg, sampled to 24 h",
        args: microdoseProfileArgs(
          100,
          [0, 0.5, 1, 2, 4, 6, 8, 12, 24],
          [0, 42.1, 68.3, 80.2, 61.5, 44, 31.9, 16.8, 2.9],
        ),
      },
      {
        type: "hashed",
        key: "b",
        name: "50 µg, sampled to 48 h",
        args: microdoseProfileArgs(50, [0, 1, 2, 4, 8, 12, 24, 48], [0, 12.2, 18.9, 20.1, 14.4, 10.3, 3.95, 0.61]),
      },
      {
        type: "property",
        name: "doubling the dose at the same concentrations doubles CL/F",
        samples: (rng) =>
          Array.from({ length: 3 }, () => {
            const p = oralProfile(rng, 50);
            return [microdoseProfileArgs(50, p.time, p.conc), microdoseProfileArgs(100, p.time, p.conc)];
          }).flat(),
        holds: (out) => {
          for (let i = 0; i < out.length; i += 2)
            if (Math.abs((out[i + 1] as number) / (2 * (out[i] as number)) - 1) > 1e-9)
              return "CL/F is not proportional to the dose";
          return true;
        },
      },
    ],
    hints: [
      unitSlip(
        "Off by 1000: a quantity was read with toNumber in one unit and rebuilt in another (mL vs L, pg vs ng). " +
          "Give the AUC the series' units (concentration unit × time unit) and let math.divide(dose, auc) convert.",
      ),
      mistake("auc-last-only", "Extrapolate to infinity: add C_last/λz to AUC(0–tlast)."),
      mistake(
        "linear-auc",
        "Use the linear-up/log-down trapezoid (ex-3.2), not the linear trapezoid, for AUC(0–tlast).",
      ),
    ],
    pitfalls: ["reading a quantity in the wrong unit", "AUC extrapolation"],
    source: '001_079d5926d130f870.txt, "Microdosing for Basic Pharmacokinetics"',
  }),
  defineFunction({
    id: "ex-6.2",
    chapter: 6,
    points: 3,
    title: "Terminal half-life by log-linear regression",
    prompt:
      "Implement `terminalHalfLife(time, conc, points)`: the terminal half-life = ln 2 / λz, where λz is the negative slope " +
      "of the ordinary least-squares regression of the **natural** log of concentration on time over the last `points` samples " +
      '(all concentrations there are positive). `time` and `conc` are series (e.g. `series([0.5, 1, 2], "h")`, ' +
      '`series([95.1, 88.7, 80.2], "ng/mL")`; times may come in minutes); `points` is a count. Return a time; it is checked ' +
      "in **h**.",
    exportName: "terminalHalfLife",
    answer: { type: "number", unit: "h" },
    signature: "(time: Series, conc: Series, points: number): Unit",
    generate: (rng) => {
      const p = ivProfile(rng, 100);
      return [
        seriesOf(rng, p.time, "h", { min: 60 }),
        seriesOf(rng, p.conc, "ng/mL", { "ug/L": 1 }),
        rng.integer(3, Math.min(5, p.time.length)),
      ];
    },
    checks: [
      {
        type: "example",
        name: "C = 80·2^(−t/6) has a half-life of 6 h",
        args: [
          seriesArg([1, 3, 6, 12, 24], "h"),
          seriesArg(
            [1, 3, 6, 12, 24].map((t) => 80 * 2 ** (-t / 6)),
            "ng/mL",
          ),
          3,
        ],
        expected: 6,
        tolerance: { rel: 1e-9 },
      },
      {
        type: "hashed",
        key: "a",
        name: "noisy IV data, last 4 points",
        args: [
          seriesArg([0.5, 1, 2, 4, 8, 12, 24], "h"),
          seriesArg([95.1, 88.7, 80.2, 61.9, 39.8, 24.4, 6.52], "ng/mL"),
          4,
        ],
      },
    ],
    hints: [
      scaledBy("log10", [Math.LN10, 1 / Math.LN10], "Regress on the NATURAL log (ln): a log10 slope is λz / ln 10."),
      mistake("rate-not-half-life", "That is λz itself (a rate, per hour); the half-life is ln 2 / λz."),
    ],
    pitfalls: ["log base"],
    source: '001_079d5926d130f870.txt, "Microdosing for Basic Pharmacokinetics"',
  }),
  defineValue({
    id: "ex-6.3",
    chapter: 6,
    points: 2,
    title: "A microdose of an antibody",
    ...varied(
      "ex-6.3",
      "A therapeutic protein (MW **148 000 g/mol**) has a minimum pharmacologically active dose of **{activeDoseMg} mg**.\n\n" +
        "Produce `ex6_3_maxMicrodoseUg`: its maximum microdose in **µg** (the lesser of 1/100 of the active dose and 30 nmol; " +
        'a number, or a quantity such as `unit("… ug")`).',
    ),
    exportName: "ex6_3_maxMicrodoseUg",
    answer: { type: "number", unit: "ug" },
    tsType: "number | Unit",
    hints: [
      mistake("small-molecule-cap", "100 µg is the small-molecule cap; for a protein the cap is 30 nmol × MW."),
      mistake("cap-only", "30 nmol × MW is only the cap: 1/100 of the active dose is smaller here."),
      unitSlip(),
    ],
    pitfalls: ["30 nmol for proteins", "unit slip µg vs mg"],
    source: '000_0e59da50f18e1b01.txt, "Microdosing and Microtracing in Drug Development"',
  }),
  defineValue({
    id: "ex-6.4",
    chapter: 6,
    points: 3,
    title: "Where linear extrapolation breaks by 2×",
    ...varied(
      "ex-6.4",
      "Same saturable drug as in ex-2.7 (K_m = 0.8 mg/L, one compartment, IV bolus) but with **V = {volumeL} L**. A **100 µg** microdose " +
        "was studied. At what dose is the true AUC **twice** the AUC predicted by scaling the microdose AUC linearly?\n\n" +
        "Produce `ex6_4_doseMg`: that dose in **mg** (exact, without neglecting the microdose's own concentration; " +
        'a number, or a quantity such as `unit("… mg")`).',
    ),
    exportName: "ex6_4_doseMg",
    answer: { type: "number", unit: "mg" },
    tsType: "number | Unit",
    tolerance: { rel: 1e-3 },
    hints: [
      mistake(
        "neglect-microdose",
        "Close: the microdose's own AUC is not exactly linear. Use the exact ratio (Km + C0/2)/(Km + C0,micro/2) = 2.",
      ),
      unitSlip(),
    ],
    pitfalls: ["linear extrapolation under saturable clearance"],
    source: '001_079d5926d130f870.txt, "The Limits of Linearity: Saturable Processes"',
  }),
  defineFunction({
    id: "ex-6.5",
    chapter: 6,
    points: 4,
    title: "AUC under time-dependent clearance",
    prompt:
      "Implement `aucTimeDependentClearance(dose, volume, cl0, clss, beta)`: AUC(0–∞) after an IV " +
      "bolus into one compartment when CL(t) = CL_ss + (CL0 − CL_ss)·e^(−βt) (falling for inhibition, rising for induction). " +
      "C(t) = (D/V)·exp(−(1/V)∫₀ᵗ CL). Integrate numerically to a relative accuracy of 10⁻⁶ or better. The arguments are " +
      'quantities: a mass dose (`unit("50 mg")`), a volume (`"80 L"`), two clearances (`"16 L/h"`; mL/min may come) and a ' +
      'rate constant β (`"0.15 1/h"`). Return an exposure; it is checked in **mg·h/L**.',
    exportName: "aucTimeDependentClearance",
    answer: { type: "number", unit: "mg*h/L" },
    signature: "(dose: Unit, volume: Unit, cl0: Unit, clss: Unit, beta: Unit): Unit",
    tolerance: { rel: 1e-5 },
    generate: (rng) => [
      quantityOf(rng, logUniform(rng, 1, 500), "mg", { ug: 1000 }),
      quantityOf(rng, logUniform(rng, 20, 200), "L"),
      quantityOf(rng, logUniform(rng, 2, 40), "L/h", { "mL/min": 1000 / 60 }),
      quantityOf(rng, logUniform(rng, 2, 40), "L/h", { "mL/min": 1000 / 60 }),
      quantityOf(rng, logUniform(rng, 0.02, 1), "h^-1", { "day^-1": 24 }),
    ],
    checks: [
      {
        type: "example",
        name: "constant clearance (CL0 = CL_ss = 10 L/h) gives dose/CL = 10 mg·h/L",
        args: timeDependentArgs(100, 50, 10, 10, 0.2),
        expected: 10,
        tolerance: { rel: 1e-5 },
      },
      {
        type: "hashed",
        key: "a",
        name: "inhibition: 50 mg, 80 L, 16 → 6 L/h, β 0.15/h",
        args: timeDependentArgs(50, 80, 16, 6, 0.15),
      },
      {
        type: "hashed",
        key: "b",
        name: "induction: 200 mg, 60 L, 5 → 12 L/h, β 0.05/h",
        args: timeDependentArgs(200, 60, 5, 12, 0.05),
      },
      {
        type: "property",
        name: "always between dose/max(CL0, CL_ss) and dose/min(CL0, CL_ss)",
        samples: (rng) =>
          Array.from({ length: 5 }, () =>
            timeDependentArgs(
              sig4(logUniform(rng, 1, 500)),
              sig4(logUniform(rng, 20, 200)),
              sig4(logUniform(rng, 2, 40)),
              sig4(logUniform(rng, 2, 40)),
              sig4(logUniform(rng, 0.02, 1)),
            ),
          ),
        holds: (out, args) => {
          for (let i = 0; i < out.length; i++) {
            const d = quantityIn(args[i][0], "mg");
            const [a, b] = [quantityIn(args[i][2], "L/h"), quantityIn(args[i][3], "L/h")];
            const r = out[i] as number;
            if (r < (d / Math.max(a, b)) * (1 - 1e-6) || r > (d / Math.min(a, b)) * (1 + 1e-6))
              return `AUC ${r} mg·h/L outside [dose/CLmax, dose/CLmin] for dose ${d} mg, CL0 ${a} L/h, CL_ss ${b} L/h`;
          }
          return true;
        },
      },
    ],
    hints: [
      mistake("constant-cl0", "That is dose/CL0: the linear prediction that time-dependent clearance breaks."),
      mistake("constant-clss", "That is dose/CL_ss: clearance does not switch to CL_ss at once; integrate C(t)."),
    ],
    pitfalls: ["time-dependent clearance"],
    source: '001_079d5926d130f870.txt, "A More Complex Pitfall: Time-Dependent Pharmacokinetics"',
  }),
  defineValue({
    id: "ex-6.6",
    chapter: 6,
    points: 3,
    title: "The opposite error: autoinduction",
    ...varied(
      "ex-6.6",
      "A drug induces its own metabolism: a microdose measured **CL0 = 5 L/h**; at the therapeutic dose (**200 mg** IV, **V = {volumeL} L**) " +
        "clearance rises as CL(t) = CL_ss + (CL0 − CL_ss)·e^(−βt) with **CL_ss = 12 L/h**, **β = {beta} 1/h**.\n\n" +
        "Produce `ex6_6_aucRatio`: the true AUC(0–∞) divided by the linear prediction dose/CL0.",
    ),
    exportName: "ex6_6_aucRatio",
    checks: [
      {
        type: "range",
        name: "rising clearance can only lower exposure below dose/CL0 and not below dose/CL_ss",
        min: 5 / 12,
        max: 1,
      },
    ],
    hints: [
      mistake("constant-cl0", "A ratio of 1 assumes clearance stays at CL0."),
      mistake("instant-clss", "CL0/CL_ss assumes clearance jumps at once; integrate."),
    ],
    pitfalls: ["time-dependent clearance"],
    source: '001_079d5926d130f870.txt, "A More Complex Pitfall: Time-Dependent Pharmacokinetics"',
  }),
  defineFunction({
    id: "ex-6.7",
    chapter: 6,
    points: 3,
    title: "Precision of a net count",
    prompt:
      "Implement `netCountRelativeSd(grossCounts, backgroundCounts)`: the relative standard deviation (a **fraction**) of the net " +
      "count N = gross − background, when both are independent Poisson counts taken over the same time (gross > background).",
    exportName: "netCountRelativeSd",
    signature: "(grossCounts: number, backgroundCounts: number): number",
    generate: (rng) => {
      const b = rng.integer(0, 200);
      return [b + rng.integer(1, 5000), b];
    },
    checks: [
      {
        type: "example",
        name: "no background: 400 counts give 1/√400 = 5 %",
        args: [400, 0],
        expected: 0.05,
        tolerance: { rel: 1e-12 },
      },
      { type: "hashed", key: "a", name: "30 gross, 9 background", args: [30, 9] },
      {
        type: "property",
        name: "more background never improves precision",
        samples: (rng) =>
          Array.from({ length: 5 }, () => {
            const g = rng.integer(50, 500);
            const b = rng.integer(0, 20);
            return [
              [g, b],
              [g + 10, b + 10],
            ];
          }).flat(),
        holds: (out) => {
          for (let i = 0; i < out.length; i += 2)
            if ((out[i + 1] as number) < (out[i] as number) - 1e-15)
              return "adding the same counts to gross and background improved the precision";
          return true;
        },
      },
    ],
    hints: [
      mistake("net-as-poisson", "The net count is not Poisson itself: Var(gross − background) = gross + background."),
      mistake("gross-only", "The background count has Poisson noise too: add its variance."),
      percentVsFraction("fraction"),
    ],
    pitfalls: ["Poisson precision at low counts"],
    source: '001_079d5926d130f870.txt, "Enabling Technology: Ultra-Sensitive Bioanalysis"',
  }),
  defineValue({
    id: "ex-6.8",
    chapter: 6,
    points: 2,
    title: "A handful of counts",
    ...varied(
      "ex-6.8",
      "Near the end of a profile an AMS sample gave **{grossCounts}** counts; a blank measured for the same time gave **{blankCounts}**.\n\n" +
        "Produce `ex6_8_netRsdPercent`: the relative standard deviation of the net count, in **percent**.",
    ),
    exportName: "ex6_8_netRsdPercent",
    hints: [
      mistake("net-as-poisson", "The net count is not Poisson itself: Var(gross − background) = gross + background."),
      mistake("gross-only", "The blank has Poisson noise too: add its variance."),
      percentVsFraction("percent"),
    ],
    pitfalls: ["Poisson precision at low counts"],
    source: '001_079d5926d130f870.txt, "Enabling Technology: Ultra-Sensitive Bioanalysis"',
  }),
  defineFunction({
    id: "ex-6.9",
    chapter: 6,
    points: 3,
    title: "Lowest quantifiable concentration by AMS",
    prompt:
      "Implement `lowestQuantifiableByAms(targetRsd, sampleVolume, molecularWeight, labelFraction, countingEfficiency)`: the " +
      'drug concentration at which a sample of `sampleVolume` (a volume, e.g. `unit("1 mL")`; µL may come) yields enough ¹⁴C ' +
      "counts for a Poisson relative SD of `targetRsd` (N = 1/RSD², not rounded), when a fraction `labelFraction` of the " +
      "molecules carries one ¹⁴C and a fraction `countingEfficiency` of the ¹⁴C atoms is counted; `molecularWeight` is a " +
      'quantity (`"350 g/mol"`). Avogadro: 6.02214076e23 /mol. Return a mass concentration; it is checked in **pg/mL**.',
    exportName: "lowestQuantifiableByAms",
    answer: { type: "number", unit: "pg/mL" },
    signature:
      "(targetRsd: number, sampleVolume: Unit, molecularWeight: Unit, labelFraction: number, countingEfficiency: number): Unit",
    generate: (rng) => [
      sig4(uniformIn(rng, 0.01, 0.2)),
      quantityOf(rng, logUniform(rng, 0.01, 2), "mL", { uL: 1000 }),
      quantityOf(rng, uniformIn(rng, 200, 900), "g/mol"),
      sig4(logUniform(rng, 1e-6, 1)),
      sig4(logUniform(rng, 1e-4, 0.05)),
    ],
    checks: [
      {
        type: "hashed",
        key: "a",
        name: "5 % RSD, 1 mL, MW 350, label 2e-5, efficiency 1 %",
        args: amsArgs(0.05, 1, 350, 2e-5, 0.01),
      },
      {
        type: "property",
        name: "half the RSD needs four times the concentration",
        samples: (rng) =>
          Array.from({ length: 4 }, () => {
            const r = sig4(uniformIn(rng, 0.02, 0.2));
            return [amsArgs(r, 1, 400, 1e-4, 0.01), amsArgs(r / 2, 1, 400, 1e-4, 0.01)];
          }).flat(),
        holds: (out) => {
          for (let i = 0; i < out.length; i += 2)
            if (Math.abs((out[i + 1] as number) / (4 * (out[i] as number)) - 1) > 1e-9)
              return "halving the RSD should need 4 × the counts, hence 4 × the concentration";
          return true;
        },
      },
    ],
    hints: [
      unitSlip(
        "Off by 1000: a quantity was read with toNumber in one unit and rebuilt in another (1 g = 10¹² pg, not 10⁹). " +
          "Build the mass with amountToMass and divide it by sampleVolume: mathjs converts.",
      ),
      mistake(
        "no-efficiency",
        "Only a fraction `countingEfficiency` of the atoms is counted: you need N/efficiency atoms.",
      ),
    ],
    pitfalls: ["Poisson precision", "reading a quantity in the wrong unit"],
    source: '001_079d5926d130f870.txt, "Enabling Technology: Ultra-Sensitive Bioanalysis"',
  }),
  defineValue({
    id: "ex-6.10",
    chapter: 6,
    points: 2,
    title: "From a microdose Cmax to nM at the therapeutic dose",
    ...varied(
      "ex-6.10",
      "A **100 µg** microdose gave C_max = **{cmaxPgPerMl} pg/mL**. Assuming linear PK, predict C_max after **{doseMg} mg** of the same drug " +
        "(MW **410 g/mol**).\n\n" +
        "Produce `ex6_10_therapeuticCmaxNm`: the predicted C_max in **nM** (a number, or a mathjs Unit).",
    ),
    exportName: "ex6_10_therapeuticCmaxNm",
    answer: { type: "number", unit: "nM" },
    tsType: "number | Unit",
    hints: [
      unitSlip(),
      mistake("mass-concentration", "This is the concentration in ng/mL; convert to nM with the molecular weight."),
    ],
    pitfalls: ["unit slip nM vs ng/mL", "unit slip µg vs mg"],
    source: '001_079d5926d130f870.txt, "Dose-Proportionality and Extrapolation"',
  }),
  defineFunction({
    id: "ex-6.11",
    chapter: 6,
    points: 2,
    title: "Is it a microdose?",
    prompt:
      "Implement `isMicrodose(dose, minActiveDose, bioavailability)`: `true` when an administered `dose` of a small molecule " +
      "is a microdose for a minimum pharmacologically active dose `minActiveDose`; both are masses (e.g. " +
      '`unit("80 ug")` and `unit("20 mg")`, in any mass unit). The third argument is the oral bioavailability of the ' +
      "formulation (a plain number).",
    exportName: "isMicrodose",
    signature: "(dose: Unit, minActiveDose: Unit, bioavailability: number): boolean",
    answer: { type: "boolean" },
    generate: (rng) => [
      quantityOf(rng, logUniform(rng, 5, 500), "ug", { mg: 1e-3 }),
      quantityOf(rng, logUniform(rng, 0.5, 50), "mg", { ug: 1000 }),
      sig4(uniformIn(rng, 0.05, 1)),
    ],
    checks: [
      {
        type: "example",
        name: "the text: 80 µg with D_min = 20 mg qualifies",
        args: microdoseArgs(80, 20, 1),
        expected: true,
      },
      {
        type: "example",
        name: "the text: 150 µg with D_min = 20 mg does not",
        args: microdoseArgs(150, 20, 1),
        expected: false,
      },
      {
        type: "example",
        name: "the text: 200 µg at F = 0.2 is not a microdose",
        args: microdoseArgs(200, 20, 0.2),
        expected: false,
      },
      {
        type: "property",
        name: "the verdict does not depend on bioavailability",
        samples: (rng) =>
          Array.from({ length: 8 }, () => {
            const d = sig4(logUniform(rng, 20, 400));
            const m = sig4(logUniform(rng, 2, 50));
            return [microdoseArgs(d, m, 1), microdoseArgs(d, m, 0.1)];
          }).flat(),
        holds: (out, args) => {
          for (let i = 0; i < out.length; i += 2)
            if (out[i] !== out[i + 1])
              return `isMicrodose(unit("${quantityIn(args[i][0], "ug")} ug"), unit("${quantityIn(args[i][1], "mg")} mg"), F) changed with F: the limit applies to the ADMINISTERED dose`;
          return true;
        },
      },
    ],
    hints: [
      mistake("bioavailable-dose", "The microdose definition applies to the administered dose, never to F × dose."),
    ],
    pitfalls: ["administered vs bioavailable dose"],
    source: '001_079d5926d130f870.txt, "Defining the Microdose"',
  }),
  defineValue({
    id: "ex-6.12",
    chapter: 6,
    points: 2,
    title: "Was the microdose predictive?",
    ...varied(
      "ex-6.12",
      "A **100 µg** oral microdose gave AUC = **{aucMicroNgHPerMl} ng·h/mL**. At **50 mg** the observed AUC was **1.02 µg·h/mL**.\n\n" +
        "Produce `ex6_12_foldError`: the fold error of the linearly scaled prediction, max(pred/obs, obs/pred) (≥ 1). Was it within 2-fold?",
    ),
    exportName: "ex6_12_foldError",
    checks: [{ type: "range", name: "a fold error is at least 1", min: 1, max: 1e9 }],
    hints: [
      unitSlip("Off by 1000: 1.02 µg·h/mL = 1020 ng·h/mL, and 50 mg = 50 000 µg."),
      mistake("below-one", "A fold error is ≥ 1: take max(pred/obs, obs/pred)."),
    ],
    pitfalls: ["unit slip µg vs ng", "predictivity"],
    source: "chapter 5: predictivity of microdosing",
  }),
];
