/**
 * NCA throughput on 10,000 Theoph-like profiles, and the cost of the λz best-fit search
 * against the obvious alternative, measured in the same run:
 *   - ours: one pass from the last point backwards, updating regression sums, so every
 *     candidate window (last 3, 4, … N points) costs O(1);
 *   - naive: refit every window from scratch (O(N) each, O(N²) per profile), in plain JS;
 *   - generic: refit every window with a general least-squares solve (mathjs lusolve on the
 *     normal equations), which is what one writes with a matrix library at hand.
 * All three must pick the same window; the bench checks that and prints the largest λz gap.
 * Then the cost of the public boundary (issue 14: the number kernel stays internal and the
 * public nca() may not be more than 10 % slower than it), and of the quantity path (series in,
 * Units out) against the number path on the same profiles.
 * Run: `npx tsx bench/nca.ts` (or via `npm run bench`).
 */
import { performance } from "node:perf_hooks";
import { createRandom } from "../src/core/random";
import { math } from "../src/core/units";
import { loadTheoph } from "../src/data";
import { nca } from "../src/nca";
import { series } from "../src/core/series";
import { ncaResolved } from "../src/nca/kernel";
import { bestFitLambdaZ } from "../src/nca/lambda-z";
import { resolveNcaOptions } from "../src/nca/options";

const PROFILES = 10_000;
const SEED = 20240601;
/** Log-scale SD of the multiplicative noise applied to each Theoph concentration. */
const NOISE = 0.15;

interface Profile {
  time: number[];
  conc: number[];
}

/** Theoph profiles with seeded multiplicative log-normal noise: subject i % 12, conc·e^(ω·z). */
export function theophLikeProfiles(count: number, seed = SEED): Profile[] {
  const theoph = loadTheoph();
  const rng = createRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const base = theoph[i % theoph.length];
    return { time: [...base.time], conc: base.conc.map((c) => (c === 0 ? 0 : rng.logNormal(c, NOISE))) };
  });
}

/** Terminal candidates after tmax with positive concentrations (extravascular rule). */
function eligibleAfterTmax(p: Profile): number[] {
  let tmax = 0;
  p.conc.forEach((c, i) => c > p.conc[tmax] && (tmax = i));
  return p.time.flatMap((_, i) => (i > tmax && p.conc[i] > 0 ? [i] : []));
}

type Fit = { lambdaZ: number; r2Adj: number; points: number };

/** Best-fit rule with each window refitted from scratch by `fitWindow`. */
function naiveBestFit(
  p: Profile,
  eligible: number[],
  fitWindow: (x: number[], y: number[]) => { slope: number; r2: number },
): Fit | null {
  const fits: Fit[] = [];
  for (let n = 3; n <= eligible.length; n++) {
    const idx = eligible.slice(eligible.length - n);
    const x = idx.map((i) => p.time[i]);
    const y = idx.map((i) => Math.log(p.conc[i]));
    const { slope, r2 } = fitWindow(x, y);
    const r2Adj = 1 - ((1 - r2) * (n - 1)) / (n - 2);
    if (-slope > 0) fits.push({ lambdaZ: -slope, r2Adj, points: n });
  }
  if (fits.length === 0) return null;
  const best = Math.max(...fits.map((f) => f.r2Adj));
  return fits.filter((f) => f.r2Adj >= best - 1e-4).reduce((a, b) => (b.points > a.points ? b : a));
}

/** Textbook two-pass OLS of y on x. */
function plainOls(x: number[], y: number[]): { slope: number; r2: number } {
  const n = x.length;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (x[i] - mx) ** 2;
    sxy += (x[i] - mx) * (y[i] - my);
    syy += (y[i] - my) ** 2;
  }
  return { slope: sxy / sxx, r2: (sxy * sxy) / (sxx * syy) };
}

/** Generic least squares: solve (XᵀX)β = Xᵀy with mathjs, R² from the residuals. */
function mathjsOls(x: number[], y: number[]): { slope: number; r2: number } {
  const X = x.map((xi) => [1, xi]);
  const Xt = math.transpose(X) as number[][];
  const beta = math.lusolve(math.multiply(Xt, X) as number[][], math.multiply(Xt, y) as number[]) as number[][];
  const [a, b] = [beta[0][0], beta[1][0]];
  const my = y.reduce((s, v) => s + v, 0) / y.length;
  const ssRes = y.reduce((s, yi, i) => s + (yi - a - b * x[i]) ** 2, 0);
  const ssTot = y.reduce((s, yi) => s + (yi - my) ** 2, 0);
  return { slope: b, r2: 1 - ssRes / ssTot };
}

/** Best of three timed runs after a warm-up (the machine may be shared; the minimum is the least disturbed). */
function time<T>(fn: () => T): { result: T; ms: number } {
  let result = fn();
  let ms = Infinity;
  for (let rep = 0; rep < 3; rep++) {
    const start = performance.now();
    result = fn();
    ms = Math.min(ms, performance.now() - start);
  }
  return { result, ms };
}

export async function run(): Promise<void> {
  const profiles = theophLikeProfiles(PROFILES);
  const eligible = profiles.map(eligibleAfterTmax);
  console.log(
    `NCA benchmark: ${PROFILES} Theoph-like profiles (11 samples, seed ${SEED}, multiplicative log-normal noise ω = ${NOISE}; best of 3 runs)`,
  );

  const rate = (ms: number): string => `${(PROFILES / (ms / 1000)).toFixed(0).padStart(8)} profiles/s`;
  for (const aucMethod of ["linear", "linear-up-log-down"] as const) {
    const full = time(() => profiles.map((p) => nca(p.time, p.conc, { dose: 320, route: "extravascular", aucMethod })));
    const estimable = full.result.filter((r) => r.lambdaZ !== null).length;
    console.log(
      `  nca(), ${aucMethod.padEnd(18)} ${(PROFILES / (full.ms / 1000)).toFixed(0).padStart(8)} profiles/s  (${full.ms.toFixed(1)} ms; λz estimable in ${estimable})`,
    );
  }

  const options = { dose: 320, route: "extravascular" } as const;
  const resolved = resolveNcaOptions("bench", options);
  const kernel = time(() => profiles.map((p) => ncaResolved(p.time, p.conc, resolved)));
  const numbers = time(() => profiles.map((p) => nca(p.time, p.conc, options)));
  const withUnits = profiles.map((p) => ({ time: series(p.time, "h"), conc: series(p.conc, "mg/L") }));
  const quantities = time(() =>
    withUnits.map((p) => nca(p.time, p.conc, { dose: "320 mg", route: "extravascular" as const })),
  );
  console.log("  the public boundary (linear trapezoids):");
  console.log(`    number kernel alone (internal)    ${rate(kernel.ms)}  (${kernel.ms.toFixed(1)} ms)`);
  console.log(
    `    nca() with numbers                ${rate(numbers.ms)}  (${numbers.ms.toFixed(1)} ms)  → validation costs ${((numbers.ms / kernel.ms - 1) * 100).toFixed(0)} % over the kernel`,
  );
  console.log(
    `    nca() with series and "320 mg"    ${rate(quantities.ms)}  (${quantities.ms.toFixed(1)} ms)  → ${(quantities.ms / numbers.ms).toFixed(1)}× the number call (unit parsing and Unit results)`,
  );

  const ours = time(() => profiles.map((p, i) => bestFitLambdaZ(p.time, p.conc, eligible[i], 3, 1e-4, "after tmax")));
  const naive = time(() => profiles.map((p, i) => naiveBestFit(p, eligible[i], plainOls)));
  const generic = time(() => profiles.map((p, i) => naiveBestFit(p, eligible[i], mathjsOls)));

  let disagreements = 0;
  let maxGap = 0;
  ours.result.forEach((o, i) => {
    const mine = "fit" in o ? o.fit : null;
    for (const other of [naive.result[i], generic.result[i]]) {
      if ((mine === null) !== (other === null) || (mine && other && mine.points !== other.points)) disagreements++;
      else if (mine && other) maxGap = Math.max(maxGap, Math.abs(mine.lambdaZ / other.lambdaZ - 1));
    }
  });
  console.log("  λz best-fit search (all windows of the last 3…N points after tmax):");
  console.log(`    incremental sums (ours)           ${rate(ours.ms)}  (${ours.ms.toFixed(1)} ms)`);
  console.log(
    `    refit each window, plain JS OLS   ${rate(naive.ms)}  (${naive.ms.toFixed(1)} ms)  → ours is ${(naive.ms / ours.ms).toFixed(1)}× faster`,
  );
  console.log(
    `    refit each window, mathjs lusolve ${rate(generic.ms)}  (${generic.ms.toFixed(1)} ms)  → ours is ${(generic.ms / ours.ms).toFixed(1)}× faster`,
  );
  console.log(
    `    same window chosen in all ${PROFILES} profiles: ${disagreements === 0 ? "yes" : `NO (${disagreements} disagreements)`}; largest relative λz gap ${maxGap.toExponential(1)}`,
  );
}

if (require.main === module) {
  run().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
