/**
 * Microgram dosage forms described in the first source text, as data for tables and
 * notebooks. Every entry quotes the sentences of the source it comes from, and carries only
 * what they state: where the text gives no dose range, `doseRangeUg` is null
 * rather than an invented number.
 * @see 000_0e59da50f18e1b01.txt, "Manufacturing and Content Uniformity of Microgram Dosage Forms"
 * @see 000_0e59da50f18e1b01.txt, "Drug Delivery Systems for Microgram Dosages"
 * @see 000_0e59da50f18e1b01.txt, "Examples of Microgram Dosage Forms"
 */
export interface MicrogramDosageForm {
  name: string;
  /** Dose range per unit [ug]: [lowest, highest] as the source states it; null when it states none. */
  doseRangeUg: readonly [number, number] | null;
  /** Routes of administration the source names; empty when it names none. */
  routes: readonly string[];
  /** How it is made, and why that matters at microgram doses. */
  manufacturing: string;
  /** What the source text says it achieves. */
  notes: string;
  /** Where it comes from: the section heading of 000_0e59da50f18e1b01.txt and the sentences, verbatim. */
  source: { section: string; quote: string };
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
    source: {
      section: "Manufacturing and Content Uniformity of Microgram Dosage Forms",
      quote:
        "Innovative manufacturing techniques, such as using nanocrystalline suspensions combined with high shear wet granulation, have enabled the production of micro-tablets with excellent content uniformity at doses as low as 0.16 micrograms.",
    },
  },
  {
    name: "Effervescent oral opioid tablets",
    doseRangeUg: [20, 200_000],
    routes: ["buccal", "gingival", "sublingual"],
    manufacturing: "Effervescent tablets formulated for absorption through the oral mucosa.",
    notes: "Deliver 20 to 200,000 ug, tailored to the route to enhance absorption and therapeutic effect.",
    source: {
      section: "Examples of Microgram Dosage Forms",
      quote:
        "Some specialized dosage forms, such as effervescent oral opioid tablets, are designed to deliver drugs in the range of 20 to 200,000 micrograms. These formulations are tailored for specific routes of administration, such as buccal, gingival, or sublingual, to enhance absorption and therapeutic effect .",
    },
  },
  {
    name: "Potent drug blended with excipients",
    // The source speaks of "the milligram or microgram level" and gives no numbers.
    doseRangeUg: null,
    routes: [],
    manufacturing:
      "The potent drug is mixed with excipients and processed into a dosage form that optimises delivery and therapeutic response.",
    notes:
      "The general way most potent drugs at the milligram or microgram level are formulated, so that even very small doses can be given safely and effectively.",
    source: {
      section: "Drug Delivery Systems for Microgram Dosages",
      quote:
        "Most potent drugs at the milligram or microgram level are mixed with excipients and processed into dosage forms that optimize delivery and therapeutic response.",
    },
  },
];
