import { logUniform, quantityOf, sig4 } from "../generators";
import { mistake, percentVsFraction, scaledBy, unitSlip } from "../hints";
import { quantityArg, quantityIn } from "../probe-args";
import type { JsonValue } from "../types";
import { varied } from "../variants/prompt";
import { defineFunction, defineValue } from "./define";

/** Chapter 2 — Principles: the regulatory microdose, occupancy, linearity, saturable and time-dependent PK. */

const administeredDose =
  "The microdose limit applies to the **administered** dose, never to the bioavailable amount: do not multiply or divide by F.";

/** The arguments of ex-2.6 in the units its prompt names: dose [mg], volume [L], Vmax [mg/L/h], Km [mg/L]. */
function mmArgs(doseMg: number, volumeL: number, vmax: number, km: number): JsonValue[] {
  return [quantityArg(doseMg, "mg"), quantityArg(volumeL, "L"), quantityArg(vmax, "mg/L/h"), quantityArg(km, "mg/L")];
}

/** ex-2.6's arguments back as numbers in those units, for the properties. */
function mmNumbers(args: readonly JsonValue[]): [number, number, number, number] {
  return [
    quantityIn(args[0], "mg"),
    quantityIn(args[1], "L"),
    quantityIn(args[2], "mg/L/h"),
    quantityIn(args[3], "mg/L"),
  ];
}

export const chapter2 = [
  defineValue({
    id: "ex-2.1",
    chapter: 2,
    points: 2,
    title: "Maximum microdose",
    ...varied(
      "ex-2.1",
      "Preclinical data put the minimum pharmacologically active dose of a small molecule at **D_min = {dMinMg} mg**.\n\n" +
        "Produce `ex2_1_maxMicrodoseUg`: the maximum allowable microdose, in **µg** (a number, or a mathjs Unit).",
    ),
    exportName: "ex2_1_maxMicrodoseUg",
    answer: { type: "number", unit: "ug" },
    tsType: "number | Unit",
    hints: [
      mistake("cap-only", "100 µg is only the absolute cap: the limit is the lesser of D_min/100 and 100 µg."),
      unitSlip("Off by 1000: D_min/100 is in mg if D_min is; the answer is asked in µg (1 mg = 1000 µg)."),
    ],
    pitfalls: ["unit slip µg vs mg", "the lesser of two limits"],
    source: '001_079d5926d130f870.txt, "Defining the Microdose"',
  }),
  defineValue({
    id: "ex-2.2",
    chapter: 2,
    points: 2,
    title: "Administered, not bioavailable",
    ...varied(
      "ex-2.2",
      "An oral candidate has **D_min = {dMinMg} mg** and an estimated oral bioavailability **F = 0.3**. " +
        "The team proposes to give as much drug as the microdose definition allows.\n\n" +
        "Produce `ex2_2_maxOralMicrodoseUg`: the largest **oral dose to administer**, in **µg** " +
        '(a number, or a quantity such as `unit("… ug")`).',
    ),
    exportName: "ex2_2_maxOralMicrodoseUg",
    answer: { type: "number", unit: "ug" },
    tsType: "number | Unit",
    hints: [
      scaledBy("bioavailable-divided", [1 / 0.3], administeredDose),
      scaledBy("bioavailable-multiplied", [0.3], administeredDose),
      // Dividing D_min by F first (6 mg / 0.3 / 100 = 200 µg, capped) also lands on 100 µg: this hint answers both mistakes.
      mistake(
        "cap-only",
        "100 µg is only the absolute cap, and D_min/100 is smaller here. If you reached 100 µg by dividing D_min by F first: " +
          "the limit applies to the administered dose, so F plays no part.",
      ),
      unitSlip(),
    ],
    pitfalls: ["administered vs bioavailable dose"],
    source: '001_079d5926d130f870.txt, "Defining the Microdose"',
  }),
  defineFunction({
    id: "ex-2.3",
    chapter: 2,
    points: 3,
    title: "The microdose limit as a function",
    prompt:
      "Implement `microdoseLimit(minActiveDose, molecularWeight)`: the maximum microdose (a mass) for a compound whose " +
      'minimum pharmacologically active dose is the mass `minActiveDose` (e.g. `unit("20 mg")`, in mg, µg or g). ' +
      "`molecularWeight` is `null` for a small molecule (cap 100 µg) or the molecular weight of a protein (e.g. " +
      '`unit("150000 g/mol")`, cap 30 nmol). The 1/100 rule applies to both. Return a mass; it is checked in **µg**.',
    exportName: "microdoseLimit",
    answer: { type: "number", unit: "ug" },
    signature: "(minActiveDose: Unit, molecularWeight: Unit | null): Unit",
    generate: (rng) => [
      quantityOf(rng, logUniform(rng, 0.01, 5000), "mg", { ug: 1000, g: 1e-3 }),
      rng.uniform() < 0.5 ? null : quantityOf(rng, logUniform(rng, 5000, 200000), "g/mol", { "kg/mol": 1e-3 }),
    ],
    checks: [
      {
        type: "example",
        name: "worked example of the text: D_min = 20 mg gives 100 µg",
        args: [quantityArg(20, "mg"), null],
        expected: 100,
        tolerance: { rel: 1e-9 },
      },
      { type: "hashed", key: "a", name: "small molecule, D_min = 0.35 mg", args: [quantityArg(0.35, "mg"), null] },
      {
        type: "hashed",
        key: "b",
        name: "protein, MW 150 000 g/mol, D_min = 200 mg",
        args: [quantityArg(200, "mg"), quantityArg(150000, "g/mol")],
      },
      {
        type: "hashed",
        key: "c",
        name: "protein, MW 150 000 g/mol, D_min = 1000 mg",
        args: [quantityArg(1000, "mg"), quantityArg(150000, "g/mol")],
      },
      {
        type: "property",
        name: "a small molecule's limit never exceeds 100 µg nor D_min/100",
        samples: (rng) =>
          Array.from({ length: 12 }, () => [quantityArg(sig4(logUniform(rng, 0.001, 1e5)), "mg"), null]),
        holds: (out, args) => {
          const i = out.findIndex(
            (v, k) =>
              typeof v !== "number" ||
              v > 100 * (1 + 1e-12) ||
              v > quantityIn(args[k][0], "mg") * 10 * (1 + 1e-12) ||
              v <= 0,
          );
          return i < 0
            ? true
            : `microdoseLimit(unit("${quantityIn(args[i][0], "mg")} mg"), null) returned ${String(out[i])} µg`;
        },
      },
      {
        type: "property",
        name: "a larger active dose never lowers the limit",
        samples: (rng) =>
          Array.from({ length: 8 }, () => {
            const d = sig4(logUniform(rng, 0.01, 5000));
            const mw: JsonValue =
              rng.uniform() < 0.5 ? null : quantityArg(sig4(logUniform(rng, 5000, 200000)), "g/mol");
            return [
              [quantityArg(d, "mg"), mw],
              [quantityArg(d * 3, "mg"), mw],
            ];
          }).flat(),
        holds: (out) => {
          for (let i = 0; i < out.length; i += 2)
            if ((out[i + 1] as number) < (out[i] as number)) return "the limit went down when D_min went up";
          return true;
        },
      },
    ],
    hints: [
      mistake("no-cap", "Apply the absolute cap as well: 100 µg for a small molecule, 30 nmol × MW for a protein."),
      mistake(
        "protein-100ug",
        'For a protein the cap is 30 nmol, converted to mass with the molecular weight: math.multiply(unit("30 nmol"), molecularWeight).',
      ),
      unitSlip(
        "Off by 1000: a quantity was read with toNumber in one unit and rebuilt in another (mg vs µg). Keep the Units and let mathjs convert, e.g. math.divide(minActiveDose, 100).",
      ),
    ],
    pitfalls: ["reading a quantity in the wrong unit", "30 nmol for proteins"],
    source: '001_079d5926d130f870.txt, "Defining the Microdose"; 000_0e59da50f18e1b01.txt',
  }),
  defineValue({
    id: "ex-2.4",
    chapter: 2,
    points: 2,
    title: "Therapeutic receptor occupancy",
    ...varied(
      "ex-2.4",
      "A drug binds its receptor with **K_d = {kdNm} nM** and has a fraction unbound in plasma **f_u = 0.08**. " +
        "The therapeutic regimen reaches a peak **total** plasma concentration of **{totalNm} nM**.\n\n" +
        "Produce `ex2_4_peakOccupancy`: the peak receptor occupancy as a **fraction** between 0 and 1.",
    ),
    exportName: "ex2_4_peakOccupancy",
    checks: [{ type: "range", name: "an occupancy is a fraction in [0, 1]", min: 0, max: 1 }],
    hints: [
      mistake("total-not-unbound", "Only the unbound drug binds the receptor: use C_u = f_u × C_total."),
      percentVsFraction("fraction"),
    ],
    pitfalls: ["unbound vs total concentration"],
    source: '001_079d5926d130f870.txt, "The Pharmacokinetic-Pharmacodynamic Disconnect"',
  }),
  defineValue({
    id: "ex-2.5",
    chapter: 2,
    points: 3,
    title: "Occupancy at a microdose, from ng/mL",
    ...varied(
      "ex-2.5",
      "A microdose gives a peak **total** plasma concentration of **{totalNgPerMl} ng/mL** of a drug with molecular weight " +
        "**450 g/mol**, **f_u = 0.1** and **K_d = {kdNm} nM**.\n\n" +
        "Produce `ex2_5_microdoseOccupancyPercent`: the peak receptor occupancy in **percent**.",
    ),
    exportName: "ex2_5_microdoseOccupancyPercent",
    checks: [{ type: "range", name: "an occupancy in percent lies in [0, 100]", min: 0, max: 100 }],
    hints: [
      mistake("ng-as-nM", "ng/mL is not nM: convert with the molecular weight (C[nM] = C[ng/mL] / MW[g/mol] × 1000)."),
      mistake("total-not-unbound", "Only the unbound drug binds: multiply the total concentration by f_u."),
      percentVsFraction("percent"),
    ],
    pitfalls: ["unit slip nM vs ng/mL", "unbound vs total concentration"],
    source: '001_079d5926d130f870.txt, "The Pharmacokinetic-Pharmacodynamic Disconnect"',
  }),
  defineFunction({
    id: "ex-2.6",
    chapter: 2,
    points: 3,
    title: "AUC under saturable elimination",
    prompt:
      "For a one-compartment IV bolus with Michaelis–Menten elimination, dC/dt = −V_max·C/(K_m + C), the exposure has a closed form. " +
      "Implement `michaelisMentenAuc(dose, volume, vmax, km)`: the AUC from 0 to infinity, with C0 = dose/volume. The " +
      'arguments are quantities: a mass dose (e.g. `unit("100 mg")`), a volume (`"50 L"`), V_max as a concentration per time ' +
      '(`"0.5 mg/L/h"`) and K_m as a concentration (`"1 mg/L"`, or the same in µg/mL). Return an exposure (concentration × ' +
      "time); it is checked in **mg·h/L**. (Hint: AUC = ∫C dt = ∫ C · dt/dC dC.)",
    exportName: "michaelisMentenAuc",
    answer: { type: "number", unit: "mg*h/L" },
    signature: "(dose: Unit, volume: Unit, vmax: Unit, km: Unit): Unit",
    generate: (rng) => [
      quantityOf(rng, logUniform(rng, 0.01, 1000), "mg", { ug: 1000 }),
      quantityOf(rng, logUniform(rng, 10, 300), "L", { mL: 1000 }),
      quantityOf(rng, logUniform(rng, 0.05, 5), "mg/L/h", { "ug/mL/h": 1 }),
      quantityOf(rng, logUniform(rng, 0.05, 20), "mg/L", { "ug/mL": 1, "ng/mL": 1000 }),
    ],
    checks: [
      {
        type: "hashed",
        key: "a",
        name: "dose 100 mg, V 50 L, Vmax 0.5 mg/L/h, Km 1 mg/L",
        args: mmArgs(100, 50, 0.5, 1),
      },
      {
        type: "hashed",
        key: "b",
        name: "dose 5 mg, V 20 L, Vmax 2 mg/L/h, Km 0.3 mg/L",
        args: mmArgs(5, 20, 2, 0.3),
      },
      {
        type: "property",
        name: "far below Km the AUC is linear: dose × Km / (V × Vmax) within 0.1 %",
        samples: (rng) =>
          Array.from({ length: 6 }, () => {
            const v = sig4(logUniform(rng, 10, 300));
            const km = sig4(logUniform(rng, 0.05, 20));
            return mmArgs(km * v * 1e-4, v, sig4(logUniform(rng, 0.05, 5)), km);
          }),
        holds: (out, args) => {
          for (let i = 0; i < out.length; i++) {
            const [d, v, vmax, km] = mmNumbers(args[i]);
            const linear = (d * km) / (v * vmax);
            if (Math.abs((out[i] as number) / linear - 1) > 1e-3)
              return `at dose ${d} mg the AUC ${String(out[i])} is not close to the linear limit`;
          }
          return true;
        },
      },
      {
        type: "property",
        name: "doubling the dose more than doubles the AUC",
        samples: (rng) =>
          Array.from({ length: 6 }, () => {
            const args = [
              sig4(logUniform(rng, 1, 500)),
              sig4(logUniform(rng, 10, 300)),
              sig4(logUniform(rng, 0.05, 5)),
              sig4(logUniform(rng, 0.05, 20)),
            ];
            return [mmArgs(args[0], args[1], args[2], args[3]), mmArgs(args[0] * 2, args[1], args[2], args[3])];
          }).flat(),
        holds: (out) => {
          for (let i = 0; i < out.length; i += 2)
            if (!((out[i + 1] as number) > 2 * (out[i] as number)))
              return "AUC(2 × dose) should exceed 2 × AUC(dose) when elimination saturates";
          return true;
        },
      },
    ],
    hints: [
      mistake("linear", "This is the linear (first-order) AUC, Km·C0/Vmax: the saturable part adds C0²/(2·Vmax)."),
      mistake("dose-as-c0", "C0 is a concentration: divide the dose by the volume first."),
    ],
    pitfalls: ["saturable clearance"],
    source: '001_079d5926d130f870.txt, "The Limits of Linearity: Saturable Processes"',
  }),
  defineValue({
    id: "ex-2.7",
    chapter: 2,
    points: 3,
    title: "Linear extrapolation under saturation",
    ...varied(
      "ex-2.7",
      "A drug is eliminated by one saturable enzyme: **K_m = 0.8 mg/L**, **V_max = 0.45 mg/L/h**, one compartment with " +
        "**V = {volumeL} L**, given as an IV bolus. A **100 µg** microdose was studied; the therapeutic dose will be **{doseMg} mg**.\n\n" +
        "Produce `ex2_7_therapeuticAucMgHPerL`: the **true** AUC from 0 to infinity of the {doseMg} mg dose, in **mg·h/L** " +
        '(a number, or a quantity such as `unit("… mg h/L")`).',
    ),
    exportName: "ex2_7_therapeuticAucMgHPerL",
    answer: { type: "number", unit: "mg*h/L" },
    tsType: "number | Unit",
    hints: [
      mistake(
        "linear-extrapolation",
        "This is the microdose AUC scaled by 1200: linear extrapolation. At 120 mg, C0 is above Km and clearance falls.",
      ),
      unitSlip(),
    ],
    pitfalls: ["linear extrapolation under saturable clearance"],
    source: '001_079d5926d130f870.txt, "The Limits of Linearity: Saturable Processes"',
  }),
  defineValue({
    id: "ex-2.8",
    chapter: 2,
    points: 3,
    title: "When clearance falls with time",
    ...varied(
      "ex-2.8",
      "A microdose measured the clearance **CL0 = 16 L/h** of a mechanism-based inhibitor of its own metabolism. At the " +
        "therapeutic dose (**50 mg** IV bolus, one compartment, **V = {volumeL} L**) clearance follows " +
        "CL(t) = CL_ss + (CL0 − CL_ss)·e^(−βt) with **CL_ss = 6 L/h** and **β = {beta} 1/h**.\n\n" +
        "Produce `ex2_8_aucRatio`: the true AUC(0–∞) divided by the linear prediction dose/CL0 (dimensionless).",
    ),
    exportName: "ex2_8_aucRatio",
    checks: [
      {
        type: "range",
        name: "falling clearance can only raise exposure above dose/CL0 and not beyond dose/CL_ss",
        min: 1,
        max: 16 / 6,
      },
    ],
    hints: [
      mistake("constant-cl0", "A ratio of 1 is the linear prediction: clearance does not stay at CL0."),
      mistake("instant-clss", "CL0/CL_ss assumes clearance drops instantly: integrate C(t) with the time-varying CL."),
    ],
    pitfalls: ["time-dependent clearance"],
    source: '001_079d5926d130f870.txt, "A More Complex Pitfall: Time-Dependent Pharmacokinetics"',
  }),
];
