import { mistake, unitSlip } from "../hints";
import { varied } from "../variants/prompt";
import { defineValue } from "./define";

/** Chapter 1 — Introduction: the scale of a microdose. */
export const chapter1 = [
  defineValue({
    id: "ex-1.1",
    chapter: 1,
    points: 1,
    title: "How small is a microdose?",
    ...varied(
      "ex-1.1",
      "A candidate's therapeutic dose is expected to be **{therapeuticMg} mg**; its microdose study will give **100 µg**. " +
        "How many times smaller is the microdose than the therapeutic dose?\n\n" +
        "Produce `ex1_1_doseRatio`: the ratio therapeutic dose / microdose, a plain number (dimensionless).",
    ),
    exportName: "ex1_1_doseRatio",
    hints: [
      unitSlip("Off by 1000: convert both doses to the same unit first (1 mg = 1000 µg)."),
      mistake(
        "inverted",
        "This is microdose / therapeutic dose; the ratio asked is therapeutic / microdose (a number much larger than 1).",
      ),
    ],
    pitfalls: ["unit slip µg vs mg"],
    source: '001_079d5926d130f870.txt, "Introduction"',
  }),
  defineValue({
    id: "ex-1.2",
    chapter: 1,
    points: 1,
    title: "A microdose in moles",
    ...varied(
      "ex-1.2",
      "Express a **100 µg** microdose of a small molecule with molecular weight **{molecularWeight} g/mol** as an amount of substance.\n\n" +
        'Produce `ex1_2_microdoseNmol`: the amount in **nmol** (a number, or a mathjs Unit such as `unit("… nmol")`).',
    ),
    exportName: "ex1_2_microdoseNmol",
    answer: { type: "number", unit: "nmol" },
    tsType: "number | Unit",
    hints: [unitSlip("Off by 1000: 1 µg = 1e-6 g and 1 nmol = 1e-9 mol; n = m / MW.")],
    pitfalls: ["unit slip µg vs mg, nmol vs µmol"],
    source: '000_0e59da50f18e1b01.txt, "Microdosing and Microtracing in Drug Development"',
  }),
];
