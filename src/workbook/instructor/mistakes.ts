import { fitLogLinear } from "../../nca/lambda-z";
import { areaTo, segmentAuc } from "../../nca/trapezoid";
import type { AucMethod } from "../../nca/types";
import { projectionOf } from "../catalog/ch04";
import { quantityIn, seriesIn } from "../probe-args";
import { withinTolerance } from "../tolerance";
import type { Answer, Exercise, JsonValue } from "../types";

/**
 * What each classic mistake produces: a number for a value exercise, a function of the
 * arguments for a function exercise. Keys are exercise id → hint id (the `mistake(id, …)`
 * hints of the catalog). The answer-hash builder stores a salted hash of each mistaken
 * answer per public case, so the public checks can recognise the mistake without this
 * file; the hidden checks use it directly.
 */
type Mistaken = Answer | ((args: readonly JsonValue[]) => Answer);

const num = (args: readonly JsonValue[], i: number): number => args[i] as number;
const arr = (args: readonly JsonValue[], i: number): number[] => args[i] as number[];
/** A quantity argument (probe-args.ts) read in the unit the mistaken formula works in. */
const qty = (args: readonly JsonValue[], i: number, unitName: string): number => quantityIn(args[i], unitName);
/** A series argument read in the unit the mistaken formula works in. */
const ser = (args: readonly JsonValue[], i: number, unitName: string): number[] => seriesIn(args[i], unitName);
const mean = (x: number[]) => x.reduce((s, v) => s + v, 0) / x.length;
const sum = (x: number[]) => x.reduce((s, v) => s + v, 0);
const sd = (x: number[], denominator: number) => Math.sqrt(x.reduce((s, v) => s + (v - mean(x)) ** 2, 0) / denominator);

/** AUC from the first to the last sample by the library's own trapezoid rule (src/nca/trapezoid.ts). */
const auc = (method: AucMethod, time: number[], conc: number[]): number =>
  areaTo(method, time, conc, time.length - 1, false);

/**
 * The log trapezoid on rising segments too (the "log-on-rise" mistake). The log rule's area
 * (C1 − C2)·Δt / ln(C1/C2) is symmetric in its ends, so a rise is the library's log-down
 * segment with its concentrations swapped; a zero or a flat segment stays linear.
 */
function logWhereverPositive(time: number[], conc: number[]): number {
  let total = 0;
  for (let i = 1; i < time.length; i++)
    total += segmentAuc(
      "linear-up-log-down",
      time[i - 1],
      Math.max(conc[i - 1], conc[i]),
      time[i],
      Math.min(conc[i - 1], conc[i]),
    );
  return total;
}

/** λz by the library's log-linear regression over the last `points` samples (NaN when undefined: the mistake then does not apply). */
function lambdaZ(time: number[], conc: number[], points: number): number {
  const first = Math.max(0, time.length - points);
  const indices = Array.from({ length: time.length - first }, (_, k) => first + k);
  return fitLogLinear(time, conc, indices)?.lambdaZ ?? NaN;
}

function projectWith(args: readonly JsonValue[], mistake: "no-fu" | "no-f" | "occupancy-as-ratio"): number {
  const p = projectionOf(args[0]);
  const cu =
    mistake === "occupancy-as-ratio"
      ? p.kdNm * p.targetOccupancy
      : (p.kdNm * p.targetOccupancy) / (1 - p.targetOccupancy);
  const total = mistake === "no-fu" ? cu : cu / p.fu;
  const f = mistake === "no-f" ? 1 : p.bioavailability;
  return (total * p.molecularWeight * 1e-6 * p.volumeL * (Math.exp((Math.LN2 / p.halfLifeH) * p.tauH) - 1)) / f;
}

export const MISTAKES: Record<string, Record<string, Mistaken>> = {
  "ex-1.1": { inverted: 100 / 250000 },
  "ex-2.1": { "cap-only": 100 },
  "ex-2.2": { "cap-only": 100 },
  "ex-2.3": {
    "no-cap": (a) => qty(a, 0, "mg") * 10, // µg
    "protein-100ug": (a) => (a[1] === null ? NaN : Math.min(qty(a, 0, "mg") * 10, 100)),
  },
  "ex-2.4": { "total-not-unbound": 60 / 63 },
  "ex-2.5": {
    "ng-as-nM": (100 * 0.012) / 5.012,
    "total-not-unbound": (100 * ((0.12 / 450) * 1000)) / ((0.12 / 450) * 1000 + 5),
  },
  "ex-2.6": {
    linear: (a) => ((qty(a, 0, "mg") / qty(a, 1, "L")) * qty(a, 3, "mg/L")) / qty(a, 2, "mg/L/h"),
    // the dose in mg read as a concentration in mg/L: a student who reads numbers out of the Units
    "dose-as-c0": (a) =>
      (qty(a, 3, "mg/L") * qty(a, 0, "mg") + (qty(a, 0, "mg") * qty(a, 0, "mg")) / 2) / qty(a, 2, "mg/L/h"),
  },
  "ex-2.7": { "linear-extrapolation": 1200 * ((0.8 * (0.1 / 42) + (0.1 / 42) ** 2 / 2) / 0.45) },
  "ex-2.8": { "constant-cl0": 1, "instant-clss": 16 / 6 },
  "ex-3.2": {
    "linear-only": (a) => auc("linear", ser(a, 0, "h"), ser(a, 1, "ng/mL")), // ng·h/mL
    "log-on-rise": (a) => logWhereverPositive(ser(a, 0, "h"), ser(a, 1, "ng/mL")),
  },
  "ex-3.3": { inverted: 1 / (1350 / 50000 / (4.8 / 100)) },
  "ex-3.5": { "rounded-down": 1111, "one-over-cv": 1 / 0.03, "not-rounded": 1 / 0.0009 },
  "ex-3.7": { "half-life-as-k": Math.log(100e6 / 150e3 / 5) / 6 },
  "ex-3.8": { "total-time": (Math.log(100e6 / 150e3 / 0.02) * 6) / Math.LN2 },
  "ex-4.1": {
    "no-fu": (a) => projectWith(a, "no-fu"),
    "no-f": (a) => projectWith(a, "no-f"),
    "occupancy-as-ratio": (a) => projectWith(a, "occupancy-as-ratio"),
  },
  "ex-4.3": {
    "per-dose": (a) => ser(a, 0, "ug").every((x) => x <= 100 && x <= qty(a, 1, "mg") * 10 && x <= qty(a, 2, "mg") * 10),
    "ignores-noael": (a) => sum(ser(a, 0, "ug")) <= 100 && sum(ser(a, 0, "ug")) <= qty(a, 2, "mg") * 10,
  },
  "ex-4.4": {
    "no-washout": (a) =>
      ser(a, 0, "ug").length <= 5 &&
      sum(ser(a, 0, "ug")) <= 500 &&
      ser(a, 0, "ug").every((x) => x <= 100 && x <= qty(a, 3, "mg") * 10 && x <= qty(a, 4, "mg") * 10),
  },
  "ex-4.7": { "always-stopped": (64 * 0.004) / (12 * 2e-5), inverted: (12 * 2e-5) / (0.35 * 64 * 0.004) },
  "ex-5.2": { "remaining-binding": (100 * 0.82) / 2.35 },
  "ex-5.3": {
    "averaged-estimates": (a) => mean(ser(a, 0, "nM").map((c, i) => (c * (1 - arr(a, 1)[i])) / arr(a, 1)[i])),
  },
  "ex-5.5": { "fm-one": (a) => 1 + qty(a, 1, "nM") / qty(a, 2, "nM") },
  "ex-5.7": { "no-mw-conversion": (100 * 19) / 52, "mw-upside-down": (100 * 19 * (482 / 426)) / 52 },
  "ex-5.11": (() => {
    const [dose, a, alpha, b, beta] = [100_000, 3100, 2.2, 420, 0.075]; // ng, ng/L, 1/h
    const auc = a / alpha + b / beta;
    return { "central-volume": dose / (a + b), "terminal-volume": dose / auc / beta, "extrapolated-volume": dose / b };
  })(),
  "ex-5.8": {
    signed: (a) => 10 ** mean(ser(a, 0, "L/h").map((p, i) => Math.log10(p / ser(a, 1, "L/h")[i]))),
    arithmetic: (a) => mean(ser(a, 0, "L/h").map((p, i) => Math.max(p / ser(a, 1, "L/h")[i], ser(a, 1, "L/h")[i] / p))),
  },
  "ex-5.9": {
    "population-sd": (a) => {
      const x = arr(a, 0);
      const m = mean(x);
      return Math.abs(Math.min(101.5, Math.max(98.5, m)) - m) + (x.length === 30 ? 2 : 2.4) * sd(x, x.length);
    },
    "m-is-100": (a) => {
      const x = arr(a, 0);
      return Math.abs(100 - mean(x)) + (x.length === 30 ? 2 : 2.4) * sd(x, x.length - 1);
    },
  },
  "ex-6.1": {
    // dose [µg] / AUC [pg·h/mL] × 1000 = L/h
    "auc-last-only": (a) => (qty(a, 0, "ug") / auc("linear-up-log-down", ser(a, 1, "h"), ser(a, 2, "pg/mL"))) * 1000,
    "linear-auc": (a) => {
      const [time, conc] = [ser(a, 1, "h"), ser(a, 2, "pg/mL")];
      return (qty(a, 0, "ug") / (auc("linear", time, conc) + conc[conc.length - 1] / lambdaZ(time, conc, 3))) * 1000;
    },
  },
  // λz [1/h] returned as if it were the half-life [h]
  "ex-6.2": { "rate-not-half-life": (a) => lambdaZ(ser(a, 0, "h"), ser(a, 1, "ng/mL"), num(a, 2)) },
  "ex-6.3": { "small-molecule-cap": 100, "cap-only": 30e-9 * 148000 * 1e6 },
  "ex-6.4": { "neglect-microdose": 2 * 0.8 * 40 },
  "ex-6.5": {
    "constant-cl0": (a) => qty(a, 0, "mg") / qty(a, 2, "L/h"), // mg·h/L
    "constant-clss": (a) => qty(a, 0, "mg") / qty(a, 3, "L/h"),
  },
  "ex-6.6": { "constant-cl0": 1, "instant-clss": 5 / 12 },
  "ex-6.7": {
    "net-as-poisson": (a) => 1 / Math.sqrt(num(a, 0) - num(a, 1)),
    "gross-only": (a) => Math.sqrt(num(a, 0)) / (num(a, 0) - num(a, 1)),
  },
  "ex-6.8": { "net-as-poisson": 100 / Math.sqrt(12), "gross-only": (100 * 4) / 12 },
  "ex-6.9": {
    // pg/mL
    "no-efficiency": (a) =>
      ((1 / num(a, 0) ** 2 / num(a, 3) / 6.02214076e23) * qty(a, 2, "g/mol") * 1e12) / qty(a, 1, "mL"),
  },
  "ex-6.10": { "mass-concentration": (38 * 1200) / 1000 },
  "ex-6.11": { "bioavailable-dose": (a) => qty(a, 0, "ug") * num(a, 2) <= Math.min(qty(a, 1, "mg") * 10, 100) },
  "ex-6.12": { "below-one": (0.85 * 500) / 1020 },
};

/**
 * Mistakes without a hint of their own: their wrong answer is the same as another hint's
 * mistake for every public case, so they share that hint, whose message must name them
 * (`mentions`). The tests plant each one and check that the shared hint, and only it, shows.
 */
export const SHARED_HINT_MISTAKES: Record<
  string,
  Array<{ mistake: string; hintId: string; mentions: string; answer: Mistaken }>
> = {
  "ex-2.2": [
    {
      mistake: "D_min divided by F before the 1/100 rule, then capped",
      hintId: "cap-only",
      mentions: "dividing D_min by F",
      answer: Math.min(6000 / 0.3 / 100, 100),
    },
  ],
};

/** The answer the named mistake gives for this exercise (and these arguments), or undefined when it does not apply. */
export function mistakenAnswer(ex: Exercise, hintId: string, args?: readonly JsonValue[]): Answer | undefined {
  const m = MISTAKES[ex.id]?.[hintId];
  if (m === undefined) return undefined;
  let value: Answer;
  try {
    value = typeof m === "function" ? m(args ?? []) : m;
  } catch {
    return undefined;
  }
  return typeof value === "number" && !Number.isFinite(value) ? undefined : value;
}

/** Hidden-check side of `ctx.isMistake`: compare with the computed mistaken answer. */
export function isMistakeFor(ex: Exercise, args?: readonly JsonValue[]) {
  return (hintId: string, candidate: Answer): boolean => {
    const wrong = mistakenAnswer(ex, hintId, args);
    return (
      wrong !== undefined &&
      withinTolerance(candidate, wrong, { rel: Math.max(ex.tolerance.rel, 1e-6), abs: ex.tolerance.abs ?? 0 })
    );
  };
}
