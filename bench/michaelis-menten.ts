/**
 * Michaelis–Menten: closed form (Lambert W) vs the numerical path, and the two integrators
 * that were candidates for it. One-compartment IV bolus, Km = 2 mg/L, Vmax = 0.4 mg/L/h,
 * 49 hourly outputs over 0–48 h, C0/Km from 0.01 to 100. Error = max relative error against
 * the closed form over the grid. Figures are printed, not asserted.
 *   npx tsx bench/michaelis-menten.ts      (or: npm run bench -- michaelis-menten)
 */
import { michaelisMentenConcentration, simulateMichaelisMenten } from "../src";
import { michaelisMentenUnchecked } from "../src/pk/michaelis-menten";
import { integrateMathjs, integrateOdex, type OdeRhs } from "../src/pk/ode";

const KM = 2;
const VMAX = 0.4;
const VOLUME = 10;
const TIMES = Array.from({ length: 49 }, (_, i) => i);
const RATIOS = [0.01, 0.1, 1, 10, 100];

/**
 * µs per call of `work`: the fastest of 7 batches of at least `batchMs` each, after a warm-up.
 * The minimum is robust to other processes on a shared machine.
 */
function microsPerCall(work: () => void, batchMs = 40): number {
  for (let i = 0; i < 5; i++) work();
  let best = Infinity;
  for (let batch = 0; batch < 7; batch++) {
    let calls = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < batchMs) {
      work();
      calls++;
      elapsed = performance.now() - start;
    }
    best = Math.min(best, (elapsed * 1000) / calls);
  }
  return best;
}

function maxRelativeError(values: readonly number[], exact: readonly number[]): number {
  return Math.max(...values.map((v, i) => Math.abs(v / exact[i] - 1)));
}

interface Row {
  method: string;
  us: number;
  err: number;
}

export async function run(): Promise<void> {
  const totals = new Map<string, { us: number; err: number }>();
  for (const ratio of RATIOS) {
    const c0 = ratio * KM;
    const exact = TIMES.map((t) => michaelisMentenUnchecked(t, c0, VMAX, KM));
    const rhs: OdeRhs = (_t, y) => [(-VMAX * y[0]) / (KM + y[0])];
    const rows: Row[] = [];

    let closed: number[] = [];
    rows.push({
      method: "closed form (Lambert W; the reference)",
      us: microsPerCall(() => (closed = TIMES.map((t) => michaelisMentenConcentration(t, { c0, vmax: VMAX, km: KM })))),
      err: maxRelativeError(closed, exact),
    });

    let sim: number[] = [];
    const model = {
      doses: [{ time: 0, amount: c0 * VOLUME, route: "iv-bolus" as const }],
      volume: VOLUME,
      vmax: VMAX,
      km: KM,
    };
    rows.push({
      method: "simulateMichaelisMenten (ODEX on S·z·e^−Λ, rtol 1e-10)",
      us: microsPerCall(() => (sim = simulateMichaelisMenten(model, { times: TIMES }).conc)),
      err: maxRelativeError(sim, exact),
    });

    for (const rtol of [1e-6, 1e-8]) {
      let y: number[][] = [];
      rows.push({
        method: `ODEX integrate, rtol ${rtol}`,
        us: microsPerCall(() => (y = integrateOdex(rhs, [c0], TIMES, { rtol, atol: 1e-20 }))),
        err: maxRelativeError(
          y.map((s) => s[0]),
          exact,
        ),
      });
    }
    // The rejected alternative: mathjs solveODE (Dormand–Prince RK45). Its tolerance is absolute,
    // so it is scaled by C0; it has no dense output, so it is restarted on each output interval.
    for (const rel of [1e-6, 1e-8, 1e-10]) {
      let y: number[][] = [];
      rows.push({
        method: `mathjs solveODE RK45, tol ${rel}·C0 (rejected)`,
        us: microsPerCall(() => (y = integrateMathjs(rhs, [c0], TIMES, rel * c0)), 300),
        err: maxRelativeError(
          y.map((s) => s[0]),
          exact,
        ),
      });
    }

    const base = rows[0].us;
    console.log(`\nC0/Km = ${ratio}  (C(48 h) = ${exact[48].toPrecision(4)} mg/L)`);
    console.log(
      `  ${"method".padEnd(48)} ${"µs/profile".padStart(11)} ${"max rel err".padStart(12)} ${"÷ closed".padStart(9)}`,
    );
    for (const r of rows) {
      console.log(
        `  ${r.method.padEnd(48)} ${r.us.toFixed(1).padStart(11)} ${r.err.toExponential(2).padStart(12)} ${(r.us / base).toFixed(1).padStart(9)}`,
      );
      const acc = totals.get(r.method) ?? { us: 0, err: 0 };
      totals.set(r.method, { us: acc.us + r.us / RATIOS.length, err: Math.max(acc.err, r.err) });
    }
  }
  console.log("\nSummary over all C0/Km (mean µs per 49-point profile, worst relative error):");
  const closedUs = totals.values().next().value?.us ?? 1;
  for (const [method, { us, err }] of totals) {
    console.log(
      `  ${method.padEnd(48)} ${us.toFixed(1).padStart(11)} ${err.toExponential(2).padStart(12)} ${(us / closedUs).toFixed(1).padStart(9)}× closed form`,
    );
  }
  const odex = totals.get("ODEX integrate, rtol 1e-8");
  const mathjs = totals.get("mathjs solveODE RK45, tol 1e-8·C0 (rejected)");
  if (odex && mathjs)
    console.log(
      `\n  mathjs RK45 / ODEX at comparable tolerance: ${(mathjs.us / odex.us).toFixed(0)}× slower, worst error ${mathjs.err.toExponential(1)} vs ${odex.err.toExponential(1)}`,
    );
}

if (require.main === module) {
  run().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
