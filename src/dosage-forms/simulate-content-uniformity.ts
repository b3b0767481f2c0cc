import { InputError } from "../core/errors";
import { createRandom } from "../core/random";
import { magnitude, type QuantityInput } from "../core/units";
import { finiteNumber, integerAtLeast, nonNegativeNumber, plainObject } from "../core/validate";
import { contentUniformityUnchecked } from "./content-uniformity-test";
import { densityGPerCm3, lengthUm } from "./particles";
import { poissonDraw } from "./poisson";

export interface ContentUniformitySimulationInput {
  /** Label claim per unit [mass]. */
  dose: QuantityInput;
  /** Drug particle diameter [length]. */
  particleDiameter: QuantityInput;
  /** Drug density (default "1.3 g/cm^3"). */
  density?: QuantityInput;
  /** Other unit-to-unit variation (fill weight, segregation) as a relative SD fraction (default 0). */
  processRsd?: number;
  /** Simulated batches, each tested with 30 units (default 1000). */
  batches?: number;
  /** Seed for createRandom (the same seed gives the same result). */
  seed: number;
}

export interface ContentUniformitySimulation {
  /** Mean drug particles per unit. */
  particlesPerUnit: number;
  /** Predicted content RSD [%]: 100 · √(1/N + processRsd²). */
  predictedRsdPercent: number;
  /** Observed RSD over all simulated units [%]; null when every simulated unit came out empty (mean 0, so the RSD is undefined). */
  observedRsdPercent: number | null;
  /** Stage-1 acceptance value of each batch (first 10 units). */
  stage1Av: number[];
  /** Mean stage-1 AV. */
  meanStage1Av: number;
  /** Share of batches passing at stage 1, and passing overall (stage 1 or 2). */
  passRateStage1: number;
  passRate: number;
}

/**
 * Simulate how blend non-uniformity drives the acceptance value as the dose falls. Each
 * unit receives a Poisson number of drug particles (mean N from dose, diameter and density)
 * times an optional process factor 1 + processRsd·z, its content is 100·count/N·factor % of
 * label claim, and each batch of 30 units is run through the two-stage pharmacopoeial test.
 * At a few micrograms with 10–20 um particles N falls to hundreds and the AV passes L1 = 15;
 * micronised or nanocrystalline drug restores uniformity (the source text's micro-tablets at
 * 0.16 ug were made from a nanocrystalline suspension by high-shear wet granulation).
 *
 * @param input dose, particleDiameter, density, processRsd, batches, seed
 * @returns particles per unit, predicted and observed RSD, AVs and pass rates
 * @throws {InputError} on invalid quantities, a negative processRsd, batches < 1, or a non-integer seed
 * @example simulateContentUniformity({ dose: "0.16 ug", particleDiameter: "20 um", seed: 1, batches: 200 }).passRate // => 0 (about 29 particles per unit, RSD 18 %)
 * @see 000_0e59da50f18e1b01.txt, "Manufacturing and Content Uniformity of Microgram Dosage Forms"
 */
export function simulateContentUniformity(input: ContentUniformitySimulationInput): ContentUniformitySimulation {
  const fn = "simulateContentUniformity";
  const o = plainObject(fn, "input", input);
  const g = magnitude(fn, "dose", o.dose, "mass", "g", { allowZero: false });
  const dCm = lengthUm(fn, "particleDiameter", o.particleDiameter) * 1e-4;
  const rho = o.density === undefined ? 1.3 : densityGPerCm3(fn, "density", o.density);
  const processRsd = o.processRsd === undefined ? 0 : nonNegativeNumber(fn, "processRsd", o.processRsd);
  const batches = o.batches === undefined ? 1000 : integerAtLeast(fn, "batches", o.batches, 1);
  const seed = finiteNumber(fn, "seed", o.seed);
  if (!Number.isInteger(seed)) throw new InputError(fn, "seed", "must be an integer", seed);
  const n = g / ((rho * Math.PI * dCm ** 3) / 6);
  const rng = createRandom(seed);
  const stage1Av: number[] = [];
  let pass1 = 0;
  let pass = 0;
  let sum = 0;
  let sumSq = 0;
  const units = new Array<number>(30);
  for (let b = 0; b < batches; b++) {
    for (let i = 0; i < 30; i++) {
      const factor = processRsd === 0 ? 1 : 1 + processRsd * rng.normal();
      const c = ((100 * poissonDraw(rng, n)) / n) * factor;
      units[i] = c;
      sum += c;
      sumSq += c * c;
    }
    const v = contentUniformityUnchecked(units, 100, 15, 25);
    stage1Av.push(v.stage1.av);
    if (v.stage === 1 && v.verdict === "pass") pass1++;
    if (v.verdict === "pass") pass++;
  }
  const total = batches * 30;
  const mean = sum / total;
  const variance = (sumSq - total * mean * mean) / (total - 1);
  return {
    particlesPerUnit: n,
    predictedRsdPercent: 100 * Math.sqrt(1 / n + processRsd ** 2),
    observedRsdPercent: mean === 0 ? null : (100 * Math.sqrt(Math.max(variance, 0))) / mean,
    stage1Av,
    meanStage1Av: stage1Av.reduce((s, v) => s + v, 0) / batches,
    passRateStage1: pass1 / batches,
    passRate: pass / batches,
  };
}
