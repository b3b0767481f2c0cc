import { concentration, magnitude, math, type QuantityInput, type Unit } from "../core/units";
import { plainObject } from "../core/validate";
import { C14 } from "./constants";
import { c14PerMolecule, molecularWeightGPerMol, type LabelOptions } from "./label";

export interface SampleInput extends LabelOptions {
  /** Drug concentration in the sample [mass or molar concentration, e.g. "0.5 pg/mL"]. */
  concentration: QuantityInput;
  /** Sample volume [volume, e.g. "1 mL"]. */
  volume: QuantityInput;
  /** Molecular weight of the drug [g/mol]. */
  molecularWeight: QuantityInput;
}

export interface SampleAtoms {
  /** Drug molecules in the sample. */
  molecules: number;
  /** Molecules carrying 14C. */
  labelledMolecules: number;
  /** 14C atoms from the drug. */
  atoms: number;
  /** Their activity [Bq]. */
  activity: Unit;
  /** The arithmetic, one line per step, with the assumptions it used. */
  steps: string[];
}

/**
 * How many drug-derived 14C atoms a sample holds:
 * molecules = C · V / MW · N_A, labelled = molecules · f, atoms = labelled · k
 * (f = label fraction, k = 14C per labelled molecule). The source text claims a 1 mL plasma
 * sample at 0.5 pg/mL "can contain over a thousand 14C atoms"; with MW 400 g/mol it holds
 * 7.5e8 drug molecules, so the claim holds whenever more than about 1 in 750 000 molecules is
 * labelled (f > 1.33e-6) — comfortably true for a typical microtracer (f ≈ 0.06, about 4.8e7 atoms).
 *
 * @param input concentration, volume, molecularWeight, and labelFraction or specificActivity (default: fully labelled), atomsPerMolecule
 * @returns molecules, labelledMolecules, atoms, activity and the arithmetic as `steps`
 * @throws {InputError} when a quantity has the wrong dimension or sign, or the label options are invalid
 * @example c14AtomsInSample({ concentration: "0.5 pg/mL", volume: "1 mL", molecularWeight: "400 g/mol" }).atoms // => 7.528e8
 * @see 001_079d5926d130f870.txt, "Enabling Technology: Ultra-Sensitive Bioanalysis"
 */
export function c14AtomsInSample(input: SampleInput): SampleAtoms {
  const fn = "c14AtomsInSample";
  const o = plainObject(fn, "input", input);
  const mw = molecularWeightGPerMol(fn, o.molecularWeight);
  const { q: c, kind } = concentration(fn, "concentration", o.concentration);
  const volumeL = magnitude(fn, "volume", o.volume, "volume", "L");
  const label = c14PerMolecule(fn, input, mw);
  const molPerL = kind === "molarConcentration" ? c.toNumber("mol/L") : c.toNumber("g/L") / mw;
  const moles = molPerL * volumeL;
  const molecules = moles * C14.avogadro;
  const labelledMolecules = molecules * label.labelFraction;
  const atoms = labelledMolecules * label.atomsPerMolecule;
  const g = (x: number): string => x.toPrecision(4);
  const steps = [
    `amount of drug = C × V${kind === "massConcentration" ? " / MW" : ""} = ${math.format(c, { precision: 4 })} × ${g(volumeL)} L${kind === "massConcentration" ? ` / ${g(mw)} g/mol` : ""} = ${g(moles)} mol`,
    `molecules = amount × N_A = ${g(moles)} mol × ${g(C14.avogadro)} /mol = ${g(molecules)}`,
    `labelled molecules = molecules × label fraction = ${g(molecules)} × ${g(label.labelFraction)} = ${g(labelledMolecules)}`,
    `14C atoms = labelled molecules × ${label.atomsPerMolecule} 14C per labelled molecule = ${g(atoms)}`,
    `activity = λ × atoms = ${g(C14.decayConstantPerSecond)} /s × ${g(atoms)} = ${g(atoms * C14.decayConstantPerSecond)} Bq (${g(atoms * C14.decayConstantPerSecond * 60)} dpm)`,
  ];
  return { molecules, labelledMolecules, atoms, activity: math.unit(atoms * C14.decayConstantPerSecond, "Bq"), steps };
}
