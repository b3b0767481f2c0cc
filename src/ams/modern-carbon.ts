import { magnitude, math, type QuantityInput, type Unit } from "../core/units";
import { C14 } from "./constants";

/**
 * The natural 14C in a carbon sample — the background every AMS measurement sits on: atoms =
 * m_C / M_C · N_A · 1.176e-12 (the modern 14C/C ratio). One gram of modern carbon holds
 * about 5.9e10 14C atoms, decaying at 13.56 dpm — the tabulated 13.56 dpm/g C.
 * Because the background is so low and so well known, a few hundred drug-derived atoms
 * stand out.
 *
 * @param carbonMass mass of carbon in the sample [mass], e.g. "1 mg" (a typical AMS graphite target)
 * @returns `{ atoms, activity }` with activity in Bq
 * @throws {InputError} when carbonMass is not a non-negative mass
 * @example modernCarbonC14("1 g").activity.toNumber("dpm") // => 13.56
 * @see 001_079d5926d130f870.txt, "Enabling Technology: Ultra-Sensitive Bioanalysis"
 */
export function modernCarbonC14(carbonMass: QuantityInput): { atoms: number; activity: Unit } {
  const grams = magnitude("modernCarbonC14", "carbonMass", carbonMass, "mass", "g");
  const atoms = (grams / C14.carbonMolarMass) * C14.avogadro * C14.modernRatio;
  return { atoms, activity: math.unit(atoms * C14.decayConstantPerSecond, "Bq") };
}
