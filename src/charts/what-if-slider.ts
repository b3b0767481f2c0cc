import { InputError } from "../core/errors";
import { finiteNumber, plainObject } from "../core/validate";
import { formatNumber } from "./describe";

/**
 * A what-if slider: one model parameter a reader can move while the chart redraws, with
 * no code running. Values are in the unit the builder documents for that parameter.
 */
export interface WhatIfSlider {
  /** The value the chart opens with (and its static image shows). */
  value: number;
  min: number;
  max: number;
  /** The slider's step, > 0. */
  step: number;
}

/**
 * A vega-lite variable parameter bound to a range input. vega draws the input with
 * `name` as its visible label inside a <label>, which also gives it its accessible name.
 */
export interface SliderParam {
  name: string;
  value: number;
  bind: { input: "range"; min: number; max: number; step: number; name: string };
}

/**
 * Validates a slider option and turns it into a vega-lite parameter.
 * @param fn the builder, for error messages
 * @param arg the option's name, e.g. "kd"; also the parameter's name in the vega expressions
 * @param label the visible label with its unit, e.g. "Kd (nM)"
 * @param value the option as the caller gave it
 * @param rules what the model allows: every value > `above` (e.g. 0 for a rate constant), ≤ `atMost` (1 for F)
 * @throws {InputError} when the option is not an object of finite numbers with
 *   min ≤ value ≤ max, min < max, 0 < step ≤ max − min, or min is at or below the model's bound
 */
export function sliderParam(
  fn: string,
  arg: string,
  label: string,
  value: unknown,
  rules: { above?: number; atMost?: number } = {},
): SliderParam {
  const opts = plainObject(fn, arg, value);
  const v = finiteNumber(fn, `${arg}.value`, opts.value);
  const min = finiteNumber(fn, `${arg}.min`, opts.min);
  const max = finiteNumber(fn, `${arg}.max`, opts.max);
  const step = finiteNumber(fn, `${arg}.step`, opts.step);
  if (!(min < max))
    throw new InputError(fn, `${arg}.max`, `must be greater than ${arg}.min (${formatNumber(min)})`, max);
  if (v < min || v > max)
    throw new InputError(
      fn,
      `${arg}.value`,
      `must lie between ${arg}.min and ${arg}.max (${formatNumber(min)}–${formatNumber(max)})`,
      v,
    );
  if (!(step > 0) || step > max - min)
    throw new InputError(fn, `${arg}.step`, `must be > 0 and at most max − min (${formatNumber(max - min)})`, step);
  if (rules.above !== undefined && !(min > rules.above))
    throw new InputError(fn, `${arg}.min`, `must be greater than ${formatNumber(rules.above)}`, min);
  if (rules.atMost !== undefined && max > rules.atMost)
    throw new InputError(fn, `${arg}.max`, `must be at most ${formatNumber(rules.atMost)}`, max);
  return { name: arg, value: v, bind: { input: "range", min, max, step, name: `${label} ` } };
}

/** "Kd 0.5–50 nM (5)": a slider in the chart's description, so its text alternative says what can be moved. */
export function sliderText(param: SliderParam): string {
  return `${param.bind.name.trim()} ${formatNumber(param.bind.min)}–${formatNumber(param.bind.max)}, now ${formatNumber(param.value)}`;
}
