import { InputError } from "../core/errors";
import { magnitude, math, unit, type QuantityInput, type Unit } from "../core/units";
import { fraction, integerAtLeast } from "../core/validate";
import { C14 } from "./constants";

/** How the drug is labelled: either the fraction of molecules carrying 14C, or a specific activity. */
export interface LabelOptions {
  /** Fraction of drug molecules that carry 14C, in (0, 1] (default 1: every molecule labelled). */
  labelFraction?: number;
  /** Specific activity of the dosed drug, per mass ("370 kBq/mg") or per amount ("62.4 mCi/mmol"). */
  specificActivity?: QuantityInput;
  /** 14C atoms on each labelled molecule (default 1). */
  atomsPerMolecule?: number;
}

/** 14C atoms per drug molecule on average, after validating the label options (internal). */
export function c14PerMolecule(
  fn: string,
  label: LabelOptions,
  molecularWeightGPerMol: number,
): { labelFraction: number; atomsPerMolecule: number; c14PerMolecule: number } {
  const k =
    label.atomsPerMolecule === undefined ? 1 : integerAtLeast(fn, "atomsPerMolecule", label.atomsPerMolecule, 1);
  if (label.labelFraction !== undefined && label.specificActivity !== undefined) {
    throw new InputError(
      fn,
      "labelFraction",
      "cannot be given together with specificActivity (one determines the other)",
      label.labelFraction,
    );
  }
  let f: number;
  if (label.specificActivity !== undefined) {
    f =
      molarSpecificActivity(fn, label.specificActivity, molecularWeightGPerMol) /
      (k * C14.decayConstantPerSecond * C14.avogadro);
    if (f > 1 + 1e-9) {
      throw new InputError(
        fn,
        "specificActivity",
        `is above the theoretical maximum for ${k} 14C per molecule (${((k * C14.decayConstantPerSecond * C14.avogadro) / 3.7e10).toFixed(2)} mCi/mmol)`,
        String(label.specificActivity),
      );
    }
  } else {
    f = label.labelFraction === undefined ? 1 : fraction(fn, "labelFraction", label.labelFraction);
    if (f === 0)
      throw new InputError(fn, "labelFraction", "must be greater than 0 (an unlabelled drug is invisible to AMS)", f);
  }
  return { labelFraction: f, atomsPerMolecule: k, c14PerMolecule: f * k };
}

/** Specific activity as Bq per mol of drug (internal). */
function molarSpecificActivity(fn: string, sa: QuantityInput, mw: number): number {
  let q: Unit;
  try {
    q = unit(sa);
  } catch {
    throw new InputError(
      fn,
      "specificActivity",
      'must be an activity per mass or per amount, e.g. "370 kBq/mg" or "62.4 mCi/mmol"',
      sa,
    );
  }
  const value = q.value ?? NaN;
  if (!(value > 0) || !Number.isFinite(value))
    throw new InputError(fn, "specificActivity", "must be greater than 0", String(sa));
  if (q.equalBase(math.unit("1 Bq/g"))) return q.toNumber("Bq/g") * mw;
  if (q.equalBase(math.unit("1 Bq/mol"))) return q.toNumber("Bq/mol");
  throw new InputError(
    fn,
    "specificActivity",
    'must be an activity per mass or per amount, e.g. "370 kBq/mg" or "62.4 mCi/mmol"',
    String(sa),
  );
}

/**
 * Fraction of drug molecules that carry a 14C label, from the specific activity of the
 * dosed material: f = SA_molar / (k · λ · N_A), where λ·N_A = 62.39 mCi/mmol is the
 * specific activity of a compound with one 14C on every molecule. A microtracer is mostly
 * unlabelled drug: 37 kBq (1 uCi) in 100 ug of a 400 g/mol compound labels about 6 % of the molecules.
 *
 * @param specificActivity activity per mass ("370 kBq/mg") or per amount ("mCi/mmol")
 * @param molecularWeight [g/mol] (needed for a per-mass specific activity)
 * @param atomsPerMolecule 14C atoms per labelled molecule (default 1)
 * @returns the labelled fraction in (0, 1]
 * @throws {InputError} when the specific activity is missing, has the wrong dimension, is not positive, or exceeds the theoretical maximum
 * @example labelFractionFromSpecificActivity("370 kBq/mg", "400 g/mol") // => 0.06411
 * @example labelFractionFromSpecificActivity("62.39 mCi/mmol", "400 g/mol") // => 1.000 (62.39 mCi/mmol is the theoretical maximum)
 * @see 001_079d5926d130f870.txt, "The Microtracer Technique for Absolute Bioavailability"
 */
export function labelFractionFromSpecificActivity(
  specificActivity: QuantityInput,
  molecularWeight: QuantityInput,
  atomsPerMolecule = 1,
): number {
  const fn = "labelFractionFromSpecificActivity";
  // Required here: c14PerMolecule treats a missing specific activity as "fully labelled" (f = 1).
  if (specificActivity === undefined || specificActivity === null) {
    throw new InputError(
      fn,
      "specificActivity",
      'is required: an activity per mass or per amount, e.g. "370 kBq/mg" or "62.4 mCi/mmol"',
      specificActivity,
    );
  }
  const mw = molecularWeightGPerMol(fn, molecularWeight);
  return c14PerMolecule(fn, { specificActivity, atomsPerMolecule }, mw).labelFraction;
}

/** Validated molecular weight [g/mol] (internal). */
export function molecularWeightGPerMol(fn: string, mw: unknown): number {
  return magnitude(fn, "molecularWeight", mw, "molarMass", "g/mol", { allowZero: false });
}
