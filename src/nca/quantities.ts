import { InputError } from "../core/errors";
import { readSeries, type ReadSeries } from "../core/series";
import { magnitude, math, quantity, kindOf, type QuantityKind, type Unit } from "../core/units";
import { plainObject } from "../core/validate";
import { NCA_PARAMETERS, type NcaUnitKind } from "./parameters";
import type { NcaOptions, NcaQuantityOptions, NcaQuantityResult, NcaResult, PartialAucResult } from "./types";

/**
 * The quantity layer of NCA (internal): it reads a profile with units once, hands the number
 * kernel plain arrays in the profile's own units (time T, concentration C, dose in C·L so
 * that CL comes out in L/T and V in L), and attaches units to what comes back. Reading the
 * values in their own unit keeps the numbers exactly those of the number path.
 */

/** A profile with units, read and ready for the number kernel. */
export interface UnitProfile {
  readonly time: ReadSeries;
  readonly conc: ReadSeries;
  /** mathjs unit strings of every NCA unit kind for this profile; null for plain numbers. */
  readonly units: Readonly<Record<NcaUnitKind, string | null>>;
}

const CONCENTRATION_KINDS: readonly QuantityKind[] = ["massConcentration", "molarConcentration"];

/** Read time and concentration series; `other` names the argument that made the call a unit call. */
export function readUnitProfile(fn: string, time: unknown, conc: unknown): UnitProfile {
  for (const [arg, value, example] of [
    ["time", time, 'series([0.5, 1, 2], "h")'],
    ["conc", conc, 'series([1.2, 3.4, 2.1], "ng/mL")'],
  ] as const) {
    if (Array.isArray(value) && value.length > 0 && typeof value[0] === "number") {
      throw new InputError(
        fn,
        arg,
        `must carry units like the other inputs, e.g. ${example} (or give every input as plain numbers)`,
        value,
      );
    }
  }
  const t = readSeries(fn, "time", time, ["time"]);
  const c = readSeries(fn, "conc", conc, CONCENTRATION_KINDS);
  return { time: t, conc: c, units: ncaUnits(t.unit, c.unit) };
}

/** The unit of each NCA parameter kind for time unit T and concentration unit C. */
function ncaUnits(T: Unit, C: Unit): Record<NcaUnitKind, string | null> {
  const L = math.unit("L");
  const f = (u: Unit): string => u.formatUnits();
  return {
    time: f(T),
    concentration: f(C),
    concentrationPerDose: f(math.pow(L, -1) as Unit),
    rateConstant: f(math.pow(T, -1) as Unit),
    auc: f(C.multiply(T)),
    aucPerDose: f(T.divide(L) as Unit),
    aumc: f(C.multiply(T).multiply(T)),
    clearance: f(L.divide(T) as Unit),
    volume: "L",
    percent: null,
    count: null,
    dimensionless: null,
  };
}

/** A number in a profile unit as a Unit, shown in that unit (`to` fixes the prefix: 0.051 L^-1, not 51 kL^-1); null stays null. */
function withUnit(value: number | null, unitName: string): Unit | null {
  if (value === null) return null;
  // Parsing the unit text is most of the cost of a quantity result: parse each unit once.
  let unit = parsedUnits.get(unitName);
  if (unit === undefined) parsedUnits.set(unitName, (unit = math.unit(unitName)));
  const q = math.multiply(value, unit) as Unit;
  q.fixPrefix = true;
  return q;
}

const parsedUnits = new Map<string, Unit>();

/**
 * `nca` options with units → the number options of the kernel, in the profile's units.
 * Extra keys pass through to the kernel's own validation (unknown options are reported there).
 */
export function numberOptions(fn: string, options: unknown, profile: UnitProfile): NcaOptions {
  const o = plainObject(fn, "options", options) as Partial<Record<keyof NcaQuantityOptions, unknown>>;
  const { time: T, concentration: C } = profile.units as { time: string; concentration: string };
  const concKind = kindOf(profile.conc.unit) as "massConcentration" | "molarConcentration";
  // The dose in C·L: a mass for a mass concentration, an amount of substance for a molar one.
  const doseKind = concKind === "massConcentration" ? "mass" : "amount";
  const doseUnit = math.unit(C).multiply(math.unit("L")).formatUnits();
  const time = (arg: string, v: unknown): number => magnitude(fn, arg, v, "time", T, { allowNegative: true });
  const converted: Record<string, unknown> = { ...o };
  converted.dose = o.dose === undefined ? undefined : quantity(fn, "options.dose", o.dose, doseKind).toNumber(doseUnit);
  if (o.duration !== undefined) converted.duration = time("options.duration", o.duration);
  if (o.lloq !== undefined) converted.lloq = magnitude(fn, "options.lloq", o.lloq, concKind, C);
  if (o.lambdaZWindow !== undefined)
    converted.lambdaZWindow = interval(fn, "options.lambdaZWindow", o.lambdaZWindow, time);
  if (o.lambdaZTimes !== undefined)
    converted.lambdaZTimes = inUnit(readSeries(fn, "options.lambdaZTimes", o.lambdaZTimes, ["time"]), T);
  if (o.partialAucs !== undefined) {
    if (!Array.isArray(o.partialAucs))
      throw new InputError(fn, "options.partialAucs", "must be an array of { start, end } intervals", o.partialAucs);
    converted.partialAucs = o.partialAucs.map((iv: unknown, i) => interval(fn, `options.partialAucs[${i}]`, iv, time));
  }
  for (const key of Object.keys(converted)) if (converted[key] === undefined) delete converted[key];
  return converted as unknown as NcaOptions;
}

function interval(
  fn: string,
  arg: string,
  value: unknown,
  time: (arg: string, v: unknown) => number,
): { start: number; end: number } {
  const v = plainObject(fn, arg, value);
  return { start: time(`${arg}.start`, v.start), end: time(`${arg}.end`, v.end) };
}

/** A read series' values in another unit of the same dimension (identity when the unit is its own). */
function inUnit(s: ReadSeries, unitName: string): readonly number[] {
  if (s.unit.formatUnits() === unitName) return s.values;
  const factor = math.unit(1, s.unit.formatUnits()).toNumber(unitName);
  return s.values.map((v) => v * factor);
}

/** The kernel's number result with the units of the profile attached. */
export function attachUnits(result: NcaResult, units: UnitProfile["units"]): NcaQuantityResult {
  const out: Record<string, unknown> = { ...result };
  for (const p of NCA_PARAMETERS) {
    const unitName = units[p.unitKind];
    if (unitName !== null) out[p.id] = withUnit(result[p.id], unitName);
  }
  const T = units.time as string;
  const auc = units.auc as string;
  // Built directly: an empty list (no terminal fit) is a valid result, though not a valid input series.
  out.lambdaZTimes = Object.freeze({ values: result.lambdaZTimes, unit: T });
  out.partialAucs = result.partialAucs.map((p: PartialAucResult) => ({
    ...p,
    start: withUnit(p.start, T),
    end: withUnit(p.end, T),
    auc: withUnit(p.auc, auc),
  }));
  return out as unknown as NcaQuantityResult;
}
