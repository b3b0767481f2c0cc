import { InputError } from "../core/errors";
import {
  finiteNumber,
  integerAtLeast,
  nonNegativeArray,
  nonNegativeNumber,
  oneOf,
  plainObject,
  positiveNumber,
  sameLength,
  strictlyIncreasing,
} from "../core/validate";
import { BLQ_POLICIES } from "./blq";
import {
  AUC_METHODS,
  NCA_ROUTES,
  type AucInterval,
  type AucMethod,
  type BlqPolicy,
  type BlqPolicyName,
  type LambdaZWindow,
  type NcaOptions,
  type NcaRoute,
} from "./types";

/** NCA options after defaults, validated once at the boundary. */
export interface ResolvedNcaOptions {
  readonly dose: number;
  readonly route: NcaRoute;
  readonly duration: number | null;
  readonly aucMethod: AucMethod;
  readonly lloq: number | null;
  readonly blq: BlqPolicy;
  readonly lambdaZWindow: LambdaZWindow | null;
  readonly lambdaZTimes: readonly number[] | null;
  readonly lambdaZMinPoints: number;
  readonly adjR2Tolerance: number;
  readonly partialAucs: readonly AucInterval[];
}

const KNOWN_OPTIONS: readonly (keyof NcaOptions)[] = [
  "dose",
  "route",
  "duration",
  "aucMethod",
  "lloq",
  "blq",
  "lambdaZWindow",
  "lambdaZTimes",
  "lambdaZMinPoints",
  "adjR2Tolerance",
  "partialAucs",
];
const BLQ_ACTIONS = ["zero", "drop"] as const;

/**
 * Validate a profile: times [h] since the dose, non-negative and strictly increasing;
 * concentrations [mg/L] finite and non-negative; equal lengths; at least one sample.
 */
export function validateProfile(
  fn: string,
  time: unknown,
  conc: unknown,
): { time: readonly number[]; conc: readonly number[] } {
  const t = strictlyIncreasing(fn, "time", time);
  if (t[0] < 0) throw new InputError(fn, "time", "must be 0 or greater (hours since the dose)", time);
  const c = nonNegativeArray(fn, "conc", conc);
  sameLength(fn, "time", t, "conc", c);
  return { time: t, conc: c };
}

/** Validate `options` of `nca` (or `ncaTable`, with `dose` supplied per profile). */
export function resolveNcaOptions(fn: string, options: unknown, doseFromProfile?: number): ResolvedNcaOptions {
  const o = plainObject(fn, "options", options) as Partial<Record<keyof NcaOptions, unknown>>;
  for (const key of Object.keys(o)) {
    if (!KNOWN_OPTIONS.includes(key as keyof NcaOptions)) {
      throw new InputError(
        fn,
        `options.${key}`,
        `is not an NCA option (known: ${KNOWN_OPTIONS.join(", ")})`,
        o[key as keyof NcaOptions],
      );
    }
  }
  const dose = positiveNumber(fn, "options.dose", o.dose ?? doseFromProfile);
  const route = oneOf(fn, "options.route", o.route, NCA_ROUTES);
  let duration: number | null = null;
  if (route === "iv-infusion") duration = positiveNumber(fn, "options.duration", o.duration);
  else if (o.duration !== undefined)
    throw new InputError(fn, "options.duration", 'is only allowed with route "iv-infusion"', o.duration);
  const aucMethod = o.aucMethod === undefined ? "linear" : oneOf(fn, "options.aucMethod", o.aucMethod, AUC_METHODS);
  const lloq = o.lloq === undefined ? null : positiveNumber(fn, "options.lloq", o.lloq);
  if (o.blq !== undefined && lloq === null)
    throw new InputError(fn, "options.blq", "needs options.lloq to say which samples are below the limit", o.blq);
  const blq = resolveBlq(fn, o.blq);
  if (o.lambdaZWindow !== undefined && o.lambdaZTimes !== undefined) {
    throw new InputError(fn, "options.lambdaZWindow and options.lambdaZTimes", "must not both be given", "both");
  }
  const lambdaZWindow = o.lambdaZWindow === undefined ? null : interval(fn, "options.lambdaZWindow", o.lambdaZWindow);
  const lambdaZTimes =
    o.lambdaZTimes === undefined
      ? null
      : strictlyIncreasing(fn, "options.lambdaZTimes", o.lambdaZTimes, { minLength: 2 });
  const lambdaZMinPoints =
    o.lambdaZMinPoints === undefined ? 3 : integerAtLeast(fn, "options.lambdaZMinPoints", o.lambdaZMinPoints, 3);
  const adjR2Tolerance =
    o.adjR2Tolerance === undefined ? 1e-4 : nonNegativeNumber(fn, "options.adjR2Tolerance", o.adjR2Tolerance);
  let partialAucs: AucInterval[] = [];
  if (o.partialAucs !== undefined) {
    if (!Array.isArray(o.partialAucs))
      throw new InputError(fn, "options.partialAucs", "must be an array of { start, end } intervals", o.partialAucs);
    partialAucs = o.partialAucs.map((iv, i) => interval(fn, `options.partialAucs[${i}]`, iv));
  }
  return {
    dose,
    route,
    duration,
    aucMethod,
    lloq,
    blq,
    lambdaZWindow,
    lambdaZTimes,
    lambdaZMinPoints,
    adjR2Tolerance,
    partialAucs,
  };
}

/** A { start, end } interval in hours since the dose, 0 ≤ start < end. */
export function interval(fn: string, arg: string, value: unknown): { start: number; end: number } {
  const v = plainObject(fn, arg, value);
  const start = nonNegativeNumber(fn, `${arg}.start`, v.start);
  const end = finiteNumber(fn, `${arg}.end`, v.end);
  if (!(end > start)) throw new InputError(fn, `${arg}.end`, `must be greater than start (${start})`, end);
  return { start, end };
}

function resolveBlq(fn: string, value: unknown): BlqPolicy {
  if (value === undefined) return BLQ_POLICIES["zero-then-missing"];
  if (typeof value === "string")
    return BLQ_POLICIES[oneOf(fn, "options.blq", value, Object.keys(BLQ_POLICIES) as BlqPolicyName[])];
  const v = plainObject(fn, "options.blq", value);
  return {
    leading: oneOf(fn, "options.blq.leading", v.leading, BLQ_ACTIONS),
    embedded: oneOf(fn, "options.blq.embedded", v.embedded, BLQ_ACTIONS),
    trailing: oneOf(fn, "options.blq.trailing", v.trailing, BLQ_ACTIONS),
  };
}
