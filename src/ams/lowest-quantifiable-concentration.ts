import { InputError } from "../core/errors";
import { magnitude, math, type QuantityInput, type Unit } from "../core/units";
import { fraction, plainObject } from "../core/validate";
import { C14 } from "./constants";
import { countsForPrecision } from "./counting-statistics";
import { c14PerMolecule, molecularWeightGPerMol, type LabelOptions } from "./label";

export interface QuantificationInput extends LabelOptions {
  /** Target relative precision (Poisson, 1/√N) as a fraction, e.g. 0.05. */
  targetPrecision: number;
  /** Sample volume analysed [volume]. */
  volume: QuantityInput;
  /** Molecular weight of the drug [g/mol]. */
  molecularWeight: QuantityInput;
  /**
   * Fraction of the sample's 14C atoms that are actually counted (ionisation, transmission and
   * the share of the sample consumed), in (0, 1]. Default 1, the ideal; real instruments count
   * well below that, so pass your instrument's figure.
   */
  countingEfficiency?: number;
}

export interface QuantificationLimit {
  /** The lowest concentration giving the target precision [mass concentration, pg/mL]. */
  concentration: Unit;
  /** Counts needed, ⌈1/p²⌉. */
  countsNeeded: number;
  /** 14C atoms the sample must contain, counts / efficiency. */
  atomsNeeded: number;
  /** The arithmetic, one line per step. */
  steps: string[];
}

/**
 * The lowest drug concentration AMS can quantify with a given Poisson precision, ignoring
 * the natural 14C background: N = ⌈1/p²⌉ counts are needed, hence N/ε atoms in the sample,
 * hence N/(ε·f·k) drug molecules in volume V:
 * C_min = N / (ε · f · k) / N_A · MW / V.
 *
 * @param input targetPrecision, volume, molecularWeight, labelFraction or specificActivity, atomsPerMolecule, countingEfficiency
 * @returns the concentration (pg/mL), counts and atoms needed, and the arithmetic
 * @throws {InputError} when the precision or efficiency is outside (0, 1], or a quantity or label option is invalid
 * @example lowestQuantifiableConcentration({ targetPrecision: 0.05, volume: "1 mL", molecularWeight: "400 g/mol", labelFraction: 0.01, countingEfficiency: 0.01 }).concentration.toNumber("pg/mL") // => 0.002657
 * @see 001_079d5926d130f870.txt, "Enabling Technology: Ultra-Sensitive Bioanalysis"
 */
export function lowestQuantifiableConcentration(input: QuantificationInput): QuantificationLimit {
  const fn = "lowestQuantifiableConcentration";
  const o = plainObject(fn, "input", input);
  const p = fraction(fn, "targetPrecision", o.targetPrecision);
  if (p === 0)
    throw new InputError(
      fn,
      "targetPrecision",
      "must be greater than 0 (perfect precision needs infinitely many counts)",
      p,
    );
  const efficiency = o.countingEfficiency === undefined ? 1 : fraction(fn, "countingEfficiency", o.countingEfficiency);
  if (efficiency === 0) throw new InputError(fn, "countingEfficiency", "must be greater than 0", efficiency);
  const volumeL = magnitude(fn, "volume", o.volume, "volume", "L", { allowZero: false });
  const mw = molecularWeightGPerMol(fn, o.molecularWeight);
  const label = c14PerMolecule(fn, input, mw);
  const countsNeeded = countsForPrecision(p);
  const atomsNeeded = countsNeeded / efficiency;
  const molecules = atomsNeeded / label.c14PerMolecule;
  const gPerL = ((molecules / C14.avogadro) * mw) / volumeL;
  const g = (x: number): string => x.toPrecision(4);
  const steps = [
    `counts needed = ⌈1/p²⌉ = ⌈1/${p}²⌉ = ${countsNeeded}`,
    `14C atoms in the sample = counts / counting efficiency = ${countsNeeded} / ${efficiency} = ${g(atomsNeeded)}`,
    `drug molecules = atoms / (label fraction × 14C per molecule) = ${g(atomsNeeded)} / (${g(label.labelFraction)} × ${label.atomsPerMolecule}) = ${g(molecules)}`,
    `concentration = molecules / N_A × MW / V = ${g(molecules)} / ${g(C14.avogadro)} × ${g(mw)} g/mol / ${g(volumeL)} L = ${g(gPerL * 1e9)} pg/mL`,
  ];
  return { concentration: math.unit(gPerL, "g/L").to("pg/mL"), countsNeeded, atomsNeeded, steps };
}
