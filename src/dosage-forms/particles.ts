import { InputError, describeValue } from "../core/errors";
import { magnitude, math, unit, type QuantityInput, type Unit } from "../core/units";
import { positiveNumber } from "../core/validate";

/** A validated length as a number in µm (internal). */
export function lengthUm(fn: string, arg: string, value: unknown): number {
  let q: Unit;
  try {
    q = unit(value as QuantityInput);
  } catch {
    throw new InputError(fn, arg, 'must be a length such as "10 um"', value);
  }
  if (!q.equalBase(math.unit("1 m")))
    throw new InputError(fn, arg, 'expected a length (e.g. "10 um")', describeValue(value));
  return positiveNumber(fn, arg, q.toNumber("um"));
}

/** A validated density as a number in g/cm³ (internal). */
export function densityGPerCm3(fn: string, arg: string, value: unknown): number {
  let q: Unit;
  try {
    q = unit(value as QuantityInput);
  } catch {
    throw new InputError(fn, arg, 'must be a density such as "1.3 g/cm^3"', value);
  }
  if (!q.equalBase(math.unit("1 g/cm^3")))
    throw new InputError(fn, arg, 'expected a density (e.g. "1.3 g/cm^3")', describeValue(value));
  return positiveNumber(fn, arg, q.toNumber("g/cm^3"));
}

/**
 * Drug particles in one dosage unit, for monodisperse spheres: N = m / (ρ · π d³ / 6).
 * If particles are distributed at random, the count per unit is Poisson, so the content's
 * relative SD can never be below 1/√N — the floor that makes microgram doses hard.
 *
 * @param dose drug mass per unit [mass]
 * @param particleDiameter particle diameter [length, e.g. "10 um"]
 * @param density true density of the drug [mass/volume] (default "1.3 g/cm^3")
 * @returns the mean number of drug particles per unit
 * @throws {InputError} when a value has the wrong dimension or is not positive
 * @example particlesPerUnit("10 ug", "10 um") // => 14691 (so a random blend cannot beat RSD = 0.83 %)
 * @see 000_0e59da50f18e1b01.txt, "Manufacturing and Content Uniformity of Microgram Dosage Forms"
 */
export function particlesPerUnit(
  dose: QuantityInput,
  particleDiameter: QuantityInput,
  density: QuantityInput = "1.3 g/cm^3",
): number {
  const fn = "particlesPerUnit";
  const g = magnitude(fn, "dose", dose, "mass", "g", { allowZero: false });
  const dCm = lengthUm(fn, "particleDiameter", particleDiameter) * 1e-4;
  const rho = densityGPerCm3(fn, "density", density);
  return g / ((rho * Math.PI * dCm ** 3) / 6);
}

/**
 * The largest particle diameter for which random (Poisson) sampling alone keeps the
 * content RSD at or below a target: N = 1/RSD², d = (6·m·RSD² / (π·ρ))^(1/3). Shows why
 * a 1 ug dose needs particles of a few micrometres or less — hence nanocrystalline
 * suspensions sprayed onto granules rather than dry-blended powder.
 *
 * @param dose drug mass per unit [mass]
 * @param targetRsd relative SD as a fraction, in (0, 1)
 * @param density drug density (default "1.3 g/cm^3")
 * @returns the diameter, a Unit in um
 * @throws {InputError} when a value has the wrong dimension, is not positive, or targetRsd is not below 1
 * @example maxParticleDiameter("1 ug", 0.02).toNumber("um") // => 8.376
 * @see 000_0e59da50f18e1b01.txt, "Manufacturing and Content Uniformity of Microgram Dosage Forms"
 */
export function maxParticleDiameter(
  dose: QuantityInput,
  targetRsd: number,
  density: QuantityInput = "1.3 g/cm^3",
): Unit {
  const fn = "maxParticleDiameter";
  const g = magnitude(fn, "dose", dose, "mass", "g", { allowZero: false });
  positiveNumber(fn, "targetRsd", targetRsd);
  if (targetRsd >= 1)
    throw new InputError(fn, "targetRsd", "must be below 1 (a fraction, e.g. 0.02 for 2 %)", targetRsd);
  const rho = densityGPerCm3(fn, "density", density);
  const dCm = Math.cbrt((6 * g * targetRsd ** 2) / (Math.PI * rho));
  return math.unit(dCm * 1e4, "um");
}
