import type { Series, SeriesInput } from "../core/series";
import type { QuantityInput, Unit } from "../core/units";
import type { NcaParameterId, NcaUnitlessParameterId } from "./parameters";

/** How the dose was given. */
export type NcaRoute = "extravascular" | "iv-bolus" | "iv-infusion";
export const NCA_ROUTES: readonly NcaRoute[] = ["extravascular", "iv-bolus", "iv-infusion"];

/**
 * How AUC and AUMC are integrated between samples: `"linear"` trapezoids everywhere, or
 * `"linear-up-log-down"`: linear while concentrations rise or stay level, log-linear where
 * they fall (both > 0), which is exact for a mono-exponential decline.
 */
export type AucMethod = "linear" | "linear-up-log-down";
export const AUC_METHODS: readonly AucMethod[] = ["linear", "linear-up-log-down"];

/** What to do with a below-LLOQ sample: treat it as 0 mg/L, or drop it as missing. */
export type BlqAction = "zero" | "drop";

/**
 * Below-LLOQ handling by position: `leading` = before the first measurable concentration,
 * `embedded` = between the first and last measurable, `trailing` = after the last measurable.
 */
export interface BlqPolicy {
  readonly leading: BlqAction;
  readonly embedded: BlqAction;
  readonly trailing: BlqAction;
}

/**
 * Named BLQ policies:
 * - `"zero-then-missing"` (default): 0 before the first measurable sample, missing after —
 *   the common rule in bioequivalence and first-in-human analyses.
 * - `"pknca"`: PKNCA's default — 0 before the first and after the last measurable sample,
 *   missing in between.
 * - `"all-zero"`: every BLQ sample is 0.
 * - `"all-missing"`: every BLQ sample is dropped.
 */
export type BlqPolicyName = "zero-then-missing" | "pknca" | "all-zero" | "all-missing";

/** A terminal-phase window chosen by the analyst: all positive samples with start ≤ t ≤ end. */
export interface LambdaZWindow {
  /** [h] */
  readonly start: number;
  /** [h] */
  readonly end: number;
}

/** A partial AUC interval [start, end] in hours since the dose. */
export interface AucInterval {
  readonly start: number;
  readonly end: number;
}

/** Options of {@link nca}. */
export interface NcaOptions {
  /** Administered dose [mg] (> 0). */
  readonly dose: number;
  readonly route: NcaRoute;
  /** Infusion duration [h] (> 0); required for, and only allowed with, `"iv-infusion"`. */
  readonly duration?: number;
  /** Default `"linear"` (the method of the WinNonlin reference tables). */
  readonly aucMethod?: AucMethod;
  /** Lower limit of quantification [mg/L]; samples below it are BLQ. Omit to treat every value as measured. */
  readonly lloq?: number;
  /** BLQ handling, a name or an explicit policy; default `"zero-then-missing"`. Needs `lloq`. */
  readonly blq?: BlqPolicyName | BlqPolicy;
  /** Terminal window chosen by time range instead of the best-fit search. */
  readonly lambdaZWindow?: LambdaZWindow;
  /** Terminal points chosen by their sampling times [h] instead of the best-fit search. */
  readonly lambdaZTimes?: readonly number[];
  /** Fewest points in a terminal regression; default 3. */
  readonly lambdaZMinPoints?: number;
  /** Best-fit tolerance: windows within this of the best adjusted R² prefer more points; default 1e-4. */
  readonly adjR2Tolerance?: number;
  /** Partial AUCs to report, each [start, end] in hours since the dose. */
  readonly partialAucs?: readonly AucInterval[];
}

/** One partial AUC in a result; `auc` is null (with `reason`) when it needs a missing λz. */
export interface PartialAucResult {
  readonly start: number;
  readonly end: number;
  readonly auc: number | null;
  readonly reason?: string;
}

/** How C0 was obtained. */
export type C0Method = "observed" | "log-back-extrapolation" | "first-observed" | "inserted-zero";

/** Every numeric NCA parameter: a number, or null when it cannot be estimated. */
export type NcaValues = { readonly [K in NcaParameterId]: number | null };

/** The result of {@link nca}: the parameters plus how they were obtained. */
export interface NcaResult extends NcaValues {
  /** Why each null parameter could not be estimated (and why λz is what it is when chosen by hand). */
  readonly notes: Readonly<Partial<Record<NcaParameterId, string>>>;
  readonly route: NcaRoute;
  readonly aucMethod: AucMethod;
  readonly c0Method: C0Method | null;
  /** How the terminal points were chosen. */
  readonly lambdaZSelection: "best-fit" | "window" | "times";
  /** The times [h] of the points in the terminal regression (empty if none). */
  readonly lambdaZTimes: readonly number[];
  readonly partialAucs: readonly PartialAucResult[];
}

/**
 * Options of {@link nca} when the profile carries units (a {@link Series} or an array of
 * quantities): every option with a dimension is a quantity too. The dose is a mass for a
 * mass concentration ("100 ug" with ng/mL), an amount for a molar one ("30 nmol" with nM).
 */
export interface NcaQuantityOptions extends Omit<
  NcaOptions,
  "dose" | "duration" | "lloq" | "lambdaZWindow" | "lambdaZTimes" | "partialAucs"
> {
  readonly dose: QuantityInput;
  readonly duration?: QuantityInput;
  readonly lloq?: QuantityInput;
  readonly lambdaZWindow?: { readonly start: QuantityInput; readonly end: QuantityInput };
  readonly lambdaZTimes?: SeriesInput;
  readonly partialAucs?: readonly { readonly start: QuantityInput; readonly end: QuantityInput }[];
}

/** Every NCA parameter with units: a `Unit` where it has a dimension, a plain number where not (R², %, counts), or null. */
export type NcaQuantityValues = {
  readonly [K in NcaParameterId]: (K extends NcaUnitlessParameterId ? number : Unit) | null;
};

/** One partial AUC of a quantity result: the interval and its area as quantities. */
export interface PartialAucQuantityResult {
  readonly start: Unit;
  readonly end: Unit;
  readonly auc: Unit | null;
  readonly reason?: string;
}

/**
 * The result of {@link nca} on a profile with units: the parameters in the units that follow
 * from the inputs (time T, concentration C: AUC in C·T, λz in 1/T, CL in L/T, V in L), so
 * `result.cl?.to("L/h")` or `result.aucLast?.to("ug*h/L")` gives any unit the student wants.
 */
export interface NcaQuantityResult
  extends NcaQuantityValues, Omit<NcaResult, NcaParameterId | "lambdaZTimes" | "partialAucs"> {
  /** The times of the points in the terminal regression, in the time unit of the input. */
  readonly lambdaZTimes: Series;
  readonly partialAucs: readonly PartialAucQuantityResult[];
}
