/**
 * The five exploratory clinical trial approaches of ICH M3(R2) (section 7 and its Table 3),
 * summarised as data. Approaches 1 and 2 are microdose designs and can be checked
 * mechanically with `checkExploratorySchedule`; approaches 3–5 go up to (or into) the
 * anticipated therapeutic range and rest on toxicology judgement, so they are described,
 * not checked. This is a teaching summary; the guideline text is authoritative.
 *
 * The source text describes the reduced package for a single-dose microdose study as "an
 * extended single-dose toxicity study in a single rodent species, along with genotoxicity
 * screening". ICH M3(R2) asks for the same single-dose study and does not require
 * genotoxicity studies for approaches 1 and 2; a package that adds the screening the source
 * mentions therefore satisfies both. Approaches 1 and 2 record both statements, each
 * attributed, so neither is presented as the other.
 *
 * @see 001_079d5926d130f870.txt, "Regulatory Frameworks for Exploratory Studies"
 */
export interface ExploratoryApproach {
  /** 1–5, as numbered in ICH M3(R2) Table 3. */
  approach: 1 | 2 | 3 | 4 | 5;
  title: string;
  /** Whether the approach is a microdose design. */
  microdose: boolean;
  /** The clinical dosing the approach allows. */
  dosing: string;
  /** Dose limits, in words. */
  doseLimits: string;
  /** The non-clinical package that supports it, in words. */
  nonclinicalSupport: string;
  /** Whether `checkExploratorySchedule` can check a schedule against it. */
  checkable: boolean;
  /** What the source text says about this approach, verbatim, with its section; absent when it says nothing specific. */
  source?: { section: string; quote: string };
}

const SOURCE_REDUCED_PACKAGE = {
  section: "Regulatory Frameworks for Exploratory Studies",
  quote:
    "For a single-dose microdose study, full repeat-dose GLP toxicology studies in two species are not required. Instead, a more limited package, such as an extended single-dose toxicity study in a single rodent species, along with genotoxicity screening, may suffice.",
} as const;

export const EXPLORATORY_APPROACHES: readonly ExploratoryApproach[] = [
  {
    approach: 1,
    title: "Single microdose (or divided doses)",
    microdose: true,
    dosing: "A single dose, or divided doses with no limit on the interval between them.",
    doseLimits:
      "Total dose <= 100 ug (<= 30 nmol for a protein) and <= 1/100 of the NOAEL and <= 1/100 of the pharmacologically active dose.",
    nonclinicalSupport:
      'ICH M3(R2): an extended single-dose toxicity study in one species (usually rodent) by the intended route with toxicokinetics, or by the IV route; genotoxicity studies are not required (any that were run, or a structure-activity assessment, are submitted). The source text names the same core, "an extended single-dose toxicity study in a single rodent species, along with genotoxicity screening": the screening is an addition the guideline allows, not a contradiction.',
    checkable: true,
    source: SOURCE_REDUCED_PACKAGE,
  },
  {
    approach: 2,
    title: "Multiple microdoses",
    microdose: true,
    dosing: "At most 5 administrations, separated by a washout of at least 6 actual or predicted half-lives.",
    doseLimits:
      "Each dose <= 100 ug (<= 30 nmol for a protein), <= 1/100 of the NOAEL and <= 1/100 of the pharmacologically active dose; cumulative dose <= 500 ug (<= 150 nmol for a protein).",
    nonclinicalSupport:
      'ICH M3(R2): a 7-day repeated-dose toxicity study in one species (usually rodent) by the intended route, with toxicokinetics; genotoxicity studies are not required (any that were run, or a structure-activity assessment, are submitted). The source text describes only the single-dose package ("an extended single-dose toxicity study in a single rodent species, along with genotoxicity screening"); for repeated microdoses ICH M3(R2) replaces the single-dose study with the 7-day one, and the genotoxicity screening the source mentions may be added in the same way.',
    checkable: true,
  },
  {
    approach: 3,
    title: "Single dose at sub-therapeutic doses or into the anticipated therapeutic range",
    microdose: false,
    dosing: "A single dose, escalating from a sub-therapeutic dose, possibly into the anticipated therapeutic range.",
    doseLimits:
      "Starting dose based on the toxicology (e.g. 1/50 of the NOAEL in the more sensitive species, on a mg/m2 basis); the maximum dose is limited by the exposure at the NOAEL in the non-clinical studies.",
    nonclinicalSupport:
      "Extended single-dose toxicity studies in rodent and non-rodent with toxicokinetics, safety pharmacology and genotoxicity (Ames).",
    checkable: false,
  },
  {
    approach: 4,
    title: "Repeated dosing up to 14 days into the therapeutic range (not to find the MTD)",
    microdose: false,
    dosing:
      "Repeated dosing for up to 14 days within the anticipated therapeutic range; not intended to evaluate the clinical maximum tolerated dose.",
    doseLimits:
      "Starting dose from the NOAEL of the more sensitive species (e.g. 1/50 on a mg/m2 basis); maximum exposure limited by the AUC at the NOAEL in the non-rodent or a fraction of that in the rodent, whichever is lower.",
    nonclinicalSupport:
      "2-week repeated-dose toxicity studies in rodent and non-rodent, safety pharmacology and genotoxicity.",
    checkable: false,
  },
  {
    approach: 5,
    title: "Repeated dosing up to 14 days, rodent-led with non-rodent confirmation",
    microdose: false,
    dosing:
      "Repeated dosing for up to 14 days into the therapeutic range; not intended to evaluate the clinical maximum tolerated dose.",
    doseLimits:
      "Starting dose from the rodent NOAEL (e.g. 1/50 on a mg/m2 basis); maximum exposure a fraction of the AUC at the rodent NOAEL, provided the confirmatory non-rodent study shows no toxicity at that exposure.",
    nonclinicalSupport:
      "2-week repeated-dose toxicity study in rodent with full evaluation, plus a confirmatory study in a non-rodent at the anticipated clinical exposure; safety pharmacology and genotoxicity.",
    checkable: false,
  },
];
