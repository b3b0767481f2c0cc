/**
 * Microgram dosage forms described in the first source text, as data for tables and
 * notebooks. Doses are in ug.
 * @see 000_0e59da50f18e1b01.txt, "Manufacturing and Content Uniformity of Microgram Dosage Forms"
 * @see 000_0e59da50f18e1b01.txt, "Examples of Microgram Dosage Forms"
 */
export interface MicrogramDosageForm {
  name: string;
  /** Dose range per unit [ug]: [lowest, highest]. */
  doseRangeUg: readonly [number, number];
  /** Routes of administration. */
  routes: readonly string[];
  /** How it is made, and why that matters at microgram doses. */
  manufacturing: string;
  /** What the source text says it achieves. */
  notes: string;
}

export const MICROGRAM_DOSAGE_FORMS: readonly MicrogramDosageForm[] = [
  {
    name: "Micro-tablets from a nanocrystalline suspension",
    doseRangeUg: [0.16, 0.16],
    routes: ["oral"],
    manufacturing:
      "A nanocrystalline suspension of the drug is used as the granulation liquid in high-shear wet granulation, so each granule carries a very large number of tiny drug particles.",
    notes:
      "Excellent content uniformity at doses as low as 0.16 ug, with more dosing flexibility and better dissolution; makes sub-microgram oral products feasible.",
  },
  {
    name: "Effervescent oral opioid tablets",
    doseRangeUg: [20, 200_000],
    routes: ["buccal", "gingival", "sublingual"],
    manufacturing: "Effervescent tablets formulated for absorption through the oral mucosa.",
    notes: "Deliver 20 to 200,000 ug, tailored to the route to enhance absorption and therapeutic effect.",
  },
  {
    name: "Potent drug blended with excipients",
    doseRangeUg: [1, 1000],
    routes: ["oral"],
    manufacturing: "The potent drug is mixed with excipients and processed into a conventional dosage form.",
    notes: "The general route for milligram and microgram doses; uniformity of the blend limits how low the dose can go.",
  },
];
