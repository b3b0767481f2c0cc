import { xoroshiro128plus, type RandomGenerator } from "pure-rand";
import { finiteNumber, integerAtLeast, positiveNumber } from "./validate";

/**
 * A seeded random source, so every simulation in the course (population PK, study data,
 * content uniformity) is reproducible: the same seed always gives the same numbers.
 * Built on pure-rand's xoroshiro128+; normals by the Box–Muller transform.
 */
export interface Random {
  /** Uniform on [0, 1) with 53 bits of resolution. */
  uniform(): number;
  /** Standard normal N(0, 1), or N(mean, sd). */
  normal(mean?: number, sd?: number): number;
  /** Log-normal with the given median and log-scale SD ω: median · exp(ω · z). */
  logNormal(median: number, omega: number): number;
  /** Integer uniform on [min, max]. */
  integer(min: number, max: number): number;
  /** An independent child stream, e.g. one per simulated subject. */
  fork(): Random;
}

/**
 * @param seed any integer; the same seed gives the same sequence
 * @throws {InputError} when seed is not an integer
 * @example createRandom(42).uniform() === createRandom(42).uniform() // => true (the same seed, the same sequence)
 */
export function createRandom(seed: number): Random {
  integerAtLeast("createRandom", "seed", seed, Number.MIN_SAFE_INTEGER);
  const gen = xoroshiro128plus((seed % 4294967296) | 0);
  // xoroshiro's first outputs from small seeds are poorly mixed: discard a warm-up run.
  for (let i = 0; i < 32; i++) gen.unsafeNext();
  return fromGenerator(gen);
}

function fromGenerator(gen: RandomGenerator): Random {
  let spare: number | undefined;
  const uniform = (): number => {
    // 27 + 26 bits from two 32-bit draws → a double in [0, 1).
    const hi = (gen.unsafeNext() >>> 5) * 67108864;
    const lo = gen.unsafeNext() >>> 6;
    return (hi + lo) / 9007199254740992;
  };
  const standardNormal = (): number => {
    if (spare !== undefined) {
      const s = spare;
      spare = undefined;
      return s;
    }
    let u = 0;
    while (u === 0) u = uniform();
    const v = uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
  return {
    uniform,
    normal(mean = 0, sd = 1) {
      finiteNumber("Random.normal", "mean", mean);
      finiteNumber("Random.normal", "sd", sd);
      return mean + sd * standardNormal();
    },
    logNormal(median, omega) {
      positiveNumber("Random.logNormal", "median", median);
      finiteNumber("Random.logNormal", "omega", omega);
      return median * Math.exp(omega * standardNormal());
    },
    integer(min, max) {
      integerAtLeast("Random.integer", "min", min, Number.MIN_SAFE_INTEGER);
      integerAtLeast("Random.integer", "max", max, min);
      return min + Math.floor(uniform() * (max - min + 1));
    },
    fork() {
      // Jump-ahead streams: from state S the child starts at J(S) and the parent moves on to
      // J(J(S)), where J advances xoroshiro128+ by 2^64 draws. Children, and the parent's own
      // later draws, then lie in disjoint 2^64-long stretches of the sequence. (Advancing the
      // parent by one draw instead would make each child the previous child shifted by one
      // output, so subject i + 4 of a population would reuse subject i's random effects.)
      const child = gen.clone();
      child.unsafeJump!();
      gen.unsafeJump!();
      gen.unsafeJump!();
      return fromGenerator(child);
    },
  };
}
