import { math, type Unit } from "../core/units";

/**
 * Physical constants of radiocarbon used by the AMS functions, with their sources.
 * @see 001_079d5926d130f870.txt, "Enabling Technology: Ultra-Sensitive Bioanalysis"
 */
export const C14 = {
  /** Half-life [years], the "Cambridge" value (Godwin 1962), 5730 ± 40 y. */
  halfLifeYears: 5730,
  /** Seconds in a Julian year (365.25 d), the year used with the half-life. */
  secondsPerYear: 365.25 * 86400,
  /** Decay constant λ = ln 2 / t½ [1/s] ≈ 3.833e-12 per second. */
  get decayConstantPerSecond(): number {
    return Math.LN2 / (this.halfLifeYears * this.secondsPerYear);
  },
  /** Avogadro constant [1/mol] (exact, SI 2019), from mathjs. */
  avogadro: math.avogadro.toNumber("mol^-1"),
  /** Molar mass of natural carbon [g/mol] (IUPAC standard atomic weight, conventional value). */
  carbonMolarMass: 12.011,
  /**
   * 14C/C ratio of "modern" carbon (the 1950 reference, 0.95 × oxalic acid I): 1.176e-12
   * (Karlen et al. 1968), often rounded to 1.18e-12. Applied here to total carbon.
   */
  modernRatio: 1.176e-12,
  /** Specific activity of modern carbon: 13.56 dpm per g C = 0.226 Bq/g C (Stuiver & Polach 1977). */
  modernDpmPerGramCarbon: 13.56,
} as const;

/**
 * The highest possible specific activity of a compound carrying one 14C per molecule,
 * @returns a Unit in Bq/mol
 * @example maxSpecificActivityPerLabel().toNumber("mCi/mmol") // => 62.39
 * λ·N_A ≈ 2.308e12 Bq/mol = 62.39 mCi/mmol (usually quoted as 62.4): every molecule labelled.
 */
export function maxSpecificActivityPerLabel(): Unit {
  return math.unit(C14.decayConstantPerSecond * C14.avogadro, "Bq/mol");
}
