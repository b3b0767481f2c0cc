/**
 * The numbers that define a microdose, in one place so the checker, the docs and the
 * notebooks agree.
 *
 * - small molecules: at most 1/100 of the minimum pharmacologically active dose and at most
 *   100 ug (FDA exploratory IND guidance, EMA, ICH M3(R2) approach 1);
 * - proteins (biotechnology-derived): at most 30 nmol instead of 100 ug, so the cap in mass
 *   depends on the molecular weight;
 * - antibodies: the first source text states that a microdose of an antibody drug is
 *   "generally considered to be less than 100 micrograms", used when the NOAEL is unknown.
 *
 * @see 001_079d5926d130f870.txt, "Defining the Microdose"
 * @see 000_0e59da50f18e1b01.txt, "Microgram Dosage in Clinical Trials and Antibody Drugs"
 */

/** What kind of molecule is dosed; it decides which absolute cap applies. */
export type Modality = "small-molecule" | "protein" | "antibody";

/** The modalities, for validation and menus. */
export const MODALITIES: readonly Modality[] = ["small-molecule", "protein", "antibody"];

export const MICRODOSE_LIMITS = {
  /** A microdose is at most this fraction of the minimum pharmacologically active dose. */
  fractionOfActiveDose: 0.01,
  /** Absolute cap for a small molecule [ug]. */
  smallMoleculeCapUg: 100,
  /** Absolute cap for a protein [nmol]; converted to mass with the molecular weight. */
  proteinCapNmol: 30,
  /** Cap for an antibody drug [ug]; the source text says "less than", so the cap itself is excluded. */
  antibodyCapUg: 100,
} as const;

/** Relative tolerance for comparing doses given in different prefixes ("0.1 mg" vs "100 ug"). */
export const DOSE_COMPARISON_TOLERANCE = 1e-9;
