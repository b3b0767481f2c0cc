import { InputError } from "../core/errors";
import { magnitude, math, unit, type QuantityInput, type Unit } from "../core/units";
import { plainObject, positiveNumber } from "../core/validate";

/**
 * Reference values for putting a tracer's radiation dose in context. Each is a rounded,
 * published figure; override them in the functions' options if your source differs.
 * @see 001_079d5926d130f870.txt, "The Ethical Imperative: A Favorable Risk-Benefit Profile"
 */
export const RADIATION_REFERENCES = {
  /** ICRP Publication 72 ingestion dose coefficient for 14C in organic compounds, adults [Sv/Bq]. */
  c14DoseCoefficientSvPerBq: 5.8e-10,
  /** World average annual effective dose from natural background [mSv] (UNSCEAR 2008). */
  annualBackgroundMSv: 2.4,
  /** Effective dose of one long-haul (e.g. transatlantic) flight [mSv]; published estimates range about 0.03–0.1. */
  longHaulFlightMSv: 0.04,
  /** ICRP Publication 103 detriment-adjusted nominal risk coefficient, whole population [per Sv] (5.5 % cancer + 0.2 % heritable). */
  riskPerSv: 0.057,
} as const;

function doseCoefficient(fn: string, value: unknown): number {
  if (value === undefined) return RADIATION_REFERENCES.c14DoseCoefficientSvPerBq;
  let q: Unit;
  try {
    q = unit(value as QuantityInput);
  } catch {
    throw new InputError(
      fn,
      "opts.doseCoefficient",
      'must be an effective dose per activity, e.g. "5.8e-10 Sv/Bq"',
      value,
    );
  }
  if (!q.equalBase(math.unit("1 Sv/Bq")))
    throw new InputError(
      fn,
      "opts.doseCoefficient",
      'must be an effective dose per activity, e.g. "5.8e-10 Sv/Bq"',
      String(value),
    );
  return positiveNumber(fn, "opts.doseCoefficient", q.toNumber("Sv/Bq"));
}

/**
 * Committed effective dose from an administered 14C activity: E = A · e, with e the dose
 * coefficient (default 5.8e-10 Sv/Bq, ICRP 72, ingested 14C-labelled organic compounds,
 * adults). Intravenous microtracers are often assessed with the same coefficient.
 *
 * @param activity administered activity [Bq, kBq, uCi, ...]
 * @param opts.doseCoefficient [Sv/Bq], if your compound has its own (e.g. from a dosimetry study)
 * @returns the effective dose, a Unit in mSv
 * @throws {InputError} when activity is not a non-negative activity or the coefficient has the wrong dimension
 * @example effectiveDoseFromActivity("37 kBq").toNumber("mSv") // => 0.02146 (1 uCi)
 * @see 001_079d5926d130f870.txt, "The Ethical Imperative: A Favorable Risk-Benefit Profile"
 */
export function effectiveDoseFromActivity(
  activity: QuantityInput,
  opts: { doseCoefficient?: QuantityInput } = {},
): Unit {
  const fn = "effectiveDoseFromActivity";
  const bq = magnitude(fn, "activity", activity, "activity", "Bq");
  const e = doseCoefficient(fn, plainObject(fn, "opts", opts).doseCoefficient);
  return math.unit(bq * e * 1e3, "mSv");
}

/**
 * The inverse: the 14C activity that gives a chosen effective dose, A = E / e.
 * The text's "typical AMS study" at 0.001 mSv corresponds to about 1.7 kBq (46 nCi).
 *
 * @param effectiveDose [Sv, mSv, uSv]
 * @param opts.doseCoefficient [Sv/Bq] (default 5.8e-10)
 * @returns the activity, a Unit in kBq
 * @throws {InputError} when effectiveDose is not a non-negative effective dose or the coefficient has the wrong dimension
 * @example activityForEffectiveDose("0.001 mSv").toNumber("kBq") // => 1.724
 * @see 001_079d5926d130f870.txt, "The Ethical Imperative: A Favorable Risk-Benefit Profile"
 */
export function activityForEffectiveDose(
  effectiveDose: QuantityInput,
  opts: { doseCoefficient?: QuantityInput } = {},
): Unit {
  const fn = "activityForEffectiveDose";
  const sv = magnitude(fn, "effectiveDose", effectiveDose, "effectiveDose", "Sv");
  const e = doseCoefficient(fn, plainObject(fn, "opts", opts).doseCoefficient);
  return math.unit(sv / e / 1e3, "kBq");
}

export interface RadiationComparison {
  /** Effective dose / annual background. */
  fractionOfAnnualBackground: number;
  /** Days of natural background that give the same dose. */
  daysOfBackground: number;
  /** Number of long-haul flights that give the same dose. */
  flights: number;
  /** One sentence a volunteer could read in a consent form. */
  summary: string;
}

/**
 * Put an effective dose in context: as a fraction of the annual natural background
 * (2.4 mSv world average), as days of background, and as long-haul flights (about 0.04 mSv
 * each). The text's 0.001 mSv is 0.04 % of a year's background — about 3.7 hours of it.
 *
 * @param effectiveDose [Sv, mSv, uSv]
 * @param opts annualBackground, flightDose [effective dose] to override the references
 * @returns fraction of background, days of background, flights and a summary sentence
 * @throws {InputError} when a value is not an effective dose, or a reference is not positive
 * @example compareRadiationDose("0.001 mSv").fractionOfAnnualBackground // => 0.0004167
 * @see 001_079d5926d130f870.txt, "The Ethical Imperative: A Favorable Risk-Benefit Profile"
 */
export function compareRadiationDose(
  effectiveDose: QuantityInput,
  opts: { annualBackground?: QuantityInput; flightDose?: QuantityInput } = {},
): RadiationComparison {
  const fn = "compareRadiationDose";
  const o = plainObject(fn, "opts", opts);
  const e = magnitude(fn, "effectiveDose", effectiveDose, "effectiveDose", "mSv");
  const background =
    o.annualBackground === undefined
      ? RADIATION_REFERENCES.annualBackgroundMSv
      : magnitude(fn, "opts.annualBackground", o.annualBackground, "effectiveDose", "mSv", { allowZero: false });
  const flight =
    o.flightDose === undefined
      ? RADIATION_REFERENCES.longHaulFlightMSv
      : magnitude(fn, "opts.flightDose", o.flightDose, "effectiveDose", "mSv", { allowZero: false });
  const fraction = e / background;
  const days = fraction * 365.25;
  const flights = e / flight;
  const g = (x: number): string => String(Number(x.toPrecision(3)));
  const summary =
    e === 0
      ? `An effective dose of 0 mSv adds nothing to the ${g(background)} mSv a person receives from natural background each year.`
      : `An effective dose of ${g(e)} mSv is ${g(fraction * 100)} % of the ${g(background)} mSv a person receives from natural background each year — about ${days >= 1 ? `${g(days)} days` : `${g(days * 24)} hours`} of it — and ${flights >= 1 ? `${g(flights)} times` : `about 1/${g(1 / flights)} of`} the dose of one long-haul flight.`;
  return { fractionOfAnnualBackground: fraction, daysOfBackground: days, flights, summary };
}

/**
 * Nominal lifetime risk of a stochastic effect (cancer or heritable) from an effective
 * dose, by the linear no-threshold model: risk = E × 5.7 %/Sv (ICRP 103, whole
 * population; 4.2 %/Sv for adults). At the doses of AMS studies this is a bound, not an
 * observed effect.
 *
 * @param effectiveDose [Sv, mSv, uSv]
 * @param opts.riskPerSv risk coefficient [per Sv] (default 0.057)
 * @returns the probability as a plain number
 * @throws {InputError} when effectiveDose is not a non-negative effective dose or riskPerSv is not positive
 * @example radiationRisk("0.001 mSv") // => 5.7e-8
 * @see 001_079d5926d130f870.txt, "The Ethical Imperative: A Favorable Risk-Benefit Profile"
 */
export function radiationRisk(effectiveDose: QuantityInput, opts: { riskPerSv?: number } = {}): number {
  const fn = "radiationRisk";
  const sv = magnitude(fn, "effectiveDose", effectiveDose, "effectiveDose", "Sv");
  const o = plainObject(fn, "opts", opts);
  const k =
    o.riskPerSv === undefined ? RADIATION_REFERENCES.riskPerSv : positiveNumber(fn, "opts.riskPerSv", o.riskPerSv);
  return sv * k;
}
