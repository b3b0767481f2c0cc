import { InputError } from "../core/errors";
import { numberArray, positiveNumber, strictlyIncreasing } from "../core/validate";
import { math } from "../core/units";

/**
 * WHY ODEX (Hairer & Wanner's Gragg–Bulirsch–Stoer extrapolation, npm `odex` 2.0.4) and not
 * mathjs `solveODE` (Dormand–Prince RK45). Measured with `npx tsx bench/michaelis-menten.ts`
 * (Node 20.20; Michaelis–Menten IV bolus, Km 2 mg/L, Vmax 0.4 mg/L/h, 49 hourly outputs over
 * 0–48 h, C0/Km = 0.01 … 100; error = worst relative error against the Lambert-W closed form;
 * µs per profile, mean over the five C0/Km; re-run 2026-12-05 on a shared, busy 2-core machine):
 *   closed form                                        ~32 µs   (reference)
 *   ODEX on C, rtol 1e-8                               ~65 µs   worst 2.7e-7
 *   simulateMichaelisMenten (ODEX on C = S·z·e^{−Λ},  ~600 µs   worst 3.6e-15  ← reaches 1e-8
 *     rtol 1e-10, restarted at each output; src/pk/simulate.ts says why)
 *   mathjs RK45 tol 1e-8·C0                         ~7,300 µs   worst 8.0e-7
 *   mathjs RK45 tol 1e-10·C0                       ~15,400 µs   worst 2.3e-7   ← never reaches 1e-8
 * mathjs is ~100× slower at comparable accuracy and cannot reach 1e-8 relative here because
 * (1) its `tol` is ABSOLUTE only (max-norm of the local error), so a profile falling through
 * four decades (a microdose tail) gets no relative control; (2) every operation goes through
 * mathjs' typed dispatch; (3) it has no dense output, so it restarts on every output interval.
 * ODEX has relative + absolute tolerances, dense output with its own error control, and the
 * high order of extrapolation pays off at tight tolerances.
 * Everything is behind `integrate` so the integrator can be swapped in one place.
 */
/** The part of odex's Solver we use. odex ships its TypeScript source (which does not pass
 * strict checks) next to its JS, so it is required untyped and described here instead. */
interface OdexSolver {
  /** A number, or one value per component (odex accepts both). */
  relativeTolerance: number | number[];
  absoluteTolerance: number | number[];
  denseOutput: boolean;
  maxSteps: number;
  initialStepSize: number;
  solve(
    f: (t: number, y: number[]) => number[],
    x0: number,
    y0: number[],
    xEnd: number,
    output: (
      step: number,
      xOld: number,
      x: number,
      y: number[],
      dense?: (component: number, t: number) => number,
    ) => void,
  ): { outcome: number; xEnd: number; y: number[] };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Solver } = require("odex") as { Solver: new (n: number) => OdexSolver };

/** Right-hand side dy/dt = rhs(t, y); must return a new array of the same length. */
export type OdeRhs = (t: number, y: readonly number[]) => number[];

/** Relative and absolute error tolerances per step (absolute in the units of y). */
export interface IntegrateOptions {
  rtol: number;
  atol: number;
}

/**
 * Integrate dy/dt = rhs(t, y) from y(times[0]) = y0 and report y at every requested time,
 * with error control (ODEX extrapolation, dense output whose error is also controlled).
 * Discontinuities (a bolus dose, the start or end of an infusion) must not be inside the
 * span: callers integrate piecewise between dose events and apply the jump in between.
 * @param rhs derivative function; must return finite numbers
 * @param y0 state at times[0]
 * @param times output times, strictly increasing (at least one; the first is the start)
 * @param options.rtol relative tolerance (> 0), options.atol absolute tolerance (> 0)
 * @returns one state vector per requested time (the first is a copy of y0)
 * @throws {InputError} when y0 or times are invalid or a tolerance is not positive
 * @throws {Error} when the integrator cannot reach the end (step limit) or rhs returns a non-finite value
 * @example integrate((t, y) => [-y[0]], [1], [0, 1], { rtol: 1e-10, atol: 1e-12 })[1][0] // => 0.36787944 (e^{−1})
 */
export function integrate(
  rhs: OdeRhs,
  y0: readonly number[],
  times: readonly number[],
  options: IntegrateOptions,
): number[][] {
  const fn = "integrate";
  if (typeof rhs !== "function") throw new InputError(fn, "rhs", "must be a function (t, y) => dy/dt", rhs);
  numberArray(fn, "y0", y0);
  strictlyIncreasing(fn, "times", times);
  if (typeof options !== "object" || options === null)
    throw new InputError(fn, "options", "must be an options object { rtol, atol }", options);
  positiveNumber(fn, "options.rtol", options.rtol);
  positiveNumber(fn, "options.atol", options.atol);
  return integrateOdex(rhs, y0, times, options);
}

function checkedRhs(rhs: OdeRhs): (t: number, y: number[]) => number[] {
  return (t, y) => {
    const dy = rhs(t, y);
    for (let i = 0; i < dy.length; i++) {
      if (!Number.isFinite(dy[i]))
        throw new Error(`integrate: rhs returned a non-finite derivative (component ${i} is ${dy[i]} at t = ${t})`);
    }
    return dy;
  };
}

/** ODEX with dense output (internal; the chosen integrator). Inputs already validated. */
export function integrateOdex(
  rhs: OdeRhs,
  y0: readonly number[],
  times: readonly number[],
  { rtol, atol }: IntegrateOptions,
): number[][] {
  const out: number[][] = [y0.slice()];
  if (times.length === 1) return out;
  const n = y0.length;
  const solver = new Solver(n);
  solver.relativeTolerance = rtol;
  solver.absoluteTolerance = atol;
  solver.denseOutput = true;
  solver.maxSteps = 100000;
  let next = 1;
  const tEnd = times[times.length - 1];
  const result = solver.solve(checkedRhs(rhs), times[0], y0.slice(), tEnd, (_step, _xOld, x, y, dense) => {
    while (next < times.length && times[next] <= x) {
      const t = times[next];
      if (t === x || dense === undefined) out.push(y.slice());
      else {
        const yi = new Array<number>(n);
        for (let i = 0; i < n; i++) yi[i] = dense(i, t);
        out.push(yi);
      }
      next++;
    }
  });
  if (result.outcome !== 0) {
    throw new Error(
      `integrate: the integrator stopped at t = ${result.xEnd} before ${tEnd} (step limit of ${solver.maxSteps} steps; is the system stiff?)`,
    );
  }
  // ODEX ends its last step at x + (tEnd − x), which can round to one ulp below tEnd: the end time
  // was then never reported although the integration converged. Its state is the final state.
  if (next === times.length - 1) out.push(result.y.slice());
  if (out.length !== times.length)
    throw new Error(`integrate: internal error: ${out.length} of ${times.length} output times reached`);
  return out;
}

/** Per-component tolerances and a first trial step for odexTo (internal). */
export interface StepTolerances {
  rtol: readonly number[];
  atol: readonly number[];
  /** First trial step [time unit]; ODEX shortens it if the error estimate asks for it. */
  initialStep: number;
}

/**
 * The state at t1 from y(t0) = y0 (ODEX without dense output; internal). Used by the PK engine,
 * which restarts at every output time so that every reported value is the end of an
 * error-controlled step, never an interpolant. Returns the final state and the last step size.
 */
export function odexTo(
  rhs: OdeRhs,
  y0: readonly number[],
  t0: number,
  t1: number,
  tol: StepTolerances,
): { y: number[]; lastStep: number } {
  const solver = new Solver(y0.length);
  solver.relativeTolerance = tol.rtol.slice();
  solver.absoluteTolerance = tol.atol.slice();
  solver.denseOutput = false;
  solver.maxSteps = 100000;
  solver.initialStepSize = tol.initialStep;
  let lastStep = tol.initialStep;
  const result = solver.solve(checkedRhs(rhs), t0, y0.slice(), t1, (_step, xOld, x) => {
    if (x > xOld) lastStep = x - xOld;
  });
  if (result.outcome !== 0) {
    throw new Error(
      `integrate: the integrator stopped at t = ${result.xEnd} before ${t1} (step limit of ${solver.maxSteps} steps; is the system stiff?)`,
    );
  }
  return { y: result.y, lastStep };
}

/**
 * The rejected alternative, kept for the benchmark only: mathjs `solveODE` (RK45, absolute
 * tolerance `tol`), restarted on each output interval because it has no dense output.
 */
type MathjsSolveODE = (
  f: (t: number, y: number[]) => number[],
  tspan: [number, number],
  y0: number[],
  options: { method: string; tol: number; maxIter: number },
) => { t: number[]; y: number[][] };
// mathjs 15 implements solveODE but its bundled type declarations omit it.
const solveODE = (math as unknown as { solveODE: MathjsSolveODE }).solveODE;

export function integrateMathjs(rhs: OdeRhs, y0: readonly number[], times: readonly number[], tol: number): number[][] {
  const out: number[][] = [y0.slice()];
  let y = y0.slice();
  for (let i = 1; i < times.length; i++) {
    const sol = solveODE((t, yy) => rhs(t, yy), [times[i - 1], times[i]], y, { method: "RK45", tol, maxIter: 1e6 });
    y = sol.y[sol.y.length - 1].slice();
    out.push(y);
  }
  return out;
}
