import { InputError, describeValue } from "../core/errors";
import { carriesUnits, readSeries, series, type Series } from "../core/series";
import { QUANTITY_KINDS, math, parseQuantity, type QuantityInput, type Unit } from "../core/units";

/**
 * The quantity layer of the PK models (PK_FIELDS and the types are public; the rest is internal). A call with units is read here once: every
 * dimensioned field is checked by dimension and converted to the unit the number kernel uses
 * (PK_FIELDS), the kernel runs on plain numbers exactly as a number call would, and the result
 * gets units back. Number calls never come here beyond one cheap test (`withUnits`), so the
 * number path is untouched.
 *
 * Substance basis: doses may be masses ("100 ug") or amounts of substance ("30 nmol"). The first
 * substance-bearing field fixes the basis; the kernel then reads masses in mg and concentrations
 * in mg/L, or amounts in mmol and concentrations in mmol/L (the models are linear in the dose
 * unit, and Km, Vmax, KI, EC50 are concentrations on the same basis).
 */

/** A scalar PK input: a number in the documented unit, or a quantity ("100 ug", a mathjs Unit). */
export type PkQuantity = QuantityInput;

/** What a dimensioned PK field is. "amount", "concentration" and "concentrationRate" follow the substance basis. */
export type PkFieldKind =
  "amount" | "volume" | "rateConstant" | "clearance" | "concentration" | "concentrationRate" | "time";

/**
 * Every dimensioned field name of the PK API and its kind. Fields not listed are plain numbers
 * whatever the call: f, fu (fractions), emax (a fold change), count, n, seed, omega.*,
 * residual.proportional, rtol, atol. `beta` is a rate constant [1/h] (clearanceOverTime, the
 * two-compartment β), not a dimensionless number.
 */
export const PK_FIELDS = {
  dose: "amount",
  amount: "amount",
  volume: "volume",
  v: "volume",
  v1: "volume",
  v2: "volume",
  ke: "rateConstant",
  ka: "rateConstant",
  kdeg: "rateConstant",
  kinact: "rateConstant",
  alpha: "rateConstant",
  beta: "rateConstant",
  cl: "clearance",
  q: "clearance",
  cl0: "clearance",
  clss: "clearance",
  vmax: "concentrationRate",
  c0: "concentration",
  km: "concentration",
  ki: "concentration",
  ec50: "concentration",
  a: "concentration",
  b: "concentration",
  lloq: "concentration",
  additive: "concentration",
  t: "time",
  time: "time",
  tlag: "time",
  duration: "time",
  tau: "time",
  start: "time",
  tEnd: "time",
} as const satisfies Record<string, PkFieldKind>;
export type PkField = keyof typeof PK_FIELDS;

/** A PK parameter object with its dimensioned fields given as quantities. */
export type WithUnits<T> = { [K in keyof T]: K extends PkField ? PkQuantity : T[K] };

type Basis = "mass" | "molar";

interface KindSpec {
  /** Reference unit for the dimension check. */
  reference: Unit;
  /** The unit the number kernel reads. */
  kernel: string;
  label: string;
  /** Shown with a wrong dimension (the examples of QUANTITY_KINDS). */
  example: string;
  /** Shown when a bare number stands among quantities: a typical value of the field. */
  hint: string;
}

function spec(reference: string, kernel: string, label: string, example: string, hint: string): KindSpec {
  return { reference: math.unit(reference), kernel, label, example, hint };
}

const K = QUANTITY_KINDS;
const FIXED: Record<"volume" | "rateConstant" | "clearance" | "time", KindSpec> = {
  volume: spec(K.volume.reference, "L", K.volume.label, K.volume.example, "50 L"),
  rateConstant: spec(K.rateConstant.reference, "h^-1", K.rateConstant.label, K.rateConstant.example, "0.35 1/h"),
  clearance: spec(K.clearance.reference, "L/h", K.clearance.label, K.clearance.example, "10 L/h"),
  time: spec(K.time.reference, "h", K.time.label, K.time.example, "2 h"),
};
const BY_BASIS: Record<Basis, Record<"amount" | "concentration" | "concentrationRate", KindSpec>> = {
  mass: {
    amount: spec(K.mass.reference, "mg", K.mass.label, K.mass.example, "100 ug"),
    concentration: spec(
      K.massConcentration.reference,
      "mg/L",
      K.massConcentration.label,
      K.massConcentration.example,
      "0.5 mg/L",
    ),
    concentrationRate: spec(
      K.concentrationRate.reference,
      "mg/L/h",
      K.concentrationRate.label,
      K.concentrationRate.example,
      "0.5 mg/L/h",
    ),
  },
  molar: {
    amount: spec(K.amount.reference, "mmol", K.amount.label, K.amount.example, "30 nmol"),
    concentration: spec(K.molarConcentration.reference, "mmol/L", K.molarConcentration.label, "5 nM", "5 nM"),
    concentrationRate: spec("mol/L/h", "mmol/L/h", "a molar concentration per time", "0.5 nM/h", "0.5 nM/h"),
  },
};

function isQuantity(v: unknown): boolean {
  return typeof v === "string" || (typeof v === "object" && v !== null && math.isUnit(v));
}

/**
 * True when a call carries units: the scalar `t` is a quantity, or a dimensioned field of an
 * object is (checked for the given keys only, so `route: "oral"` is not mistaken for one).
 * The number path pays for this test only: a few typeof checks.
 */
export function withUnits(t: unknown, obj: unknown, keys: readonly string[]): boolean {
  if (typeof t !== "number" && t !== undefined && isQuantity(t)) return true;
  if (typeof obj !== "object" || obj === null) return false;
  const o = obj as Record<string, unknown>;
  for (let i = 0; i < keys.length; i++) {
    const v = o[keys[i]];
    if (typeof v !== "number" && v !== undefined && isQuantity(v)) return true;
  }
  return false;
}

/** True when any dose event of a list has a dimensioned field given as a quantity. */
export function dosesWithUnits(doses: unknown): boolean {
  return Array.isArray(doses) && doses.some((d) => withUnits(undefined, d, DOSE_KEYS));
}

export const DOSE_KEYS = ["time", "amount", "duration"] as const;

/** A leading number as written, e.g. "100" in "100 ug". */
const WRITTEN_NUMBER = /^\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)/i;

/**
 * A quantity in the kernel's unit. mathjs stores values in SI, so "100 ug" read back in mg is
 * 0.10000000000000002; a string is read as its written number times the (snapped) factor of
 * its unit instead, so "100 mg" is exactly 100 and "100 ug" is 100 · 0.001 — the same numbers
 * a number call would pass.
 */
function kernelNumber(q: Unit, value: unknown, kernel: string): number {
  if (typeof value === "string") {
    const units = q.formatUnits();
    const written = WRITTEN_NUMBER.exec(value);
    if (written !== null) {
      const n = Number(written[1]);
      const own = q.toNumber(units);
      if (Math.abs(n - own) <= 1e-12 * Math.abs(n)) return n * conversionFactor(units, kernel);
    }
  }
  return q.toNumber(kernel);
}

/**
 * One call with units: reads fields at the boundary (checking dimension and sign, converting to
 * kernel units) and remembers the unit each field came in, to give results sensible units.
 */
export class UnitCall {
  private basis: Basis | undefined;
  /** The unit (valueless, as written) of each field the first time it was read, keyed by field name. */
  readonly units = new Map<string, string>();
  /** The values of the first time series read, in its own unit (returned as given, without a round trip). */
  timeValues: readonly number[] | undefined;

  constructor(readonly fn: string) {}

  /** The spec of a kind for quantity `q`: checks its dimension, and fixes the substance basis when still open. */
  private specFor(kind: PkFieldKind, arg: string, q: Unit, value: unknown): KindSpec {
    if (kind === "volume" || kind === "rateConstant" || kind === "clearance" || kind === "time") {
      const s = FIXED[kind];
      if (!q.equalBase(s.reference)) this.wrongDimension(arg, s, value);
      return s;
    }
    if (this.basis === undefined) {
      const basis = (["mass", "molar"] as const).find((b) => q.equalBase(BY_BASIS[b][kind].reference));
      if (basis === undefined) {
        const [m, n] = [BY_BASIS.mass[kind], BY_BASIS.molar[kind]];
        throw new InputError(
          this.fn,
          arg,
          `expected ${m.label} or ${n.label} (e.g. "${m.example}" or "${n.example}")`,
          describeValue(value),
        );
      }
      this.basis = basis;
    }
    const s = BY_BASIS[this.basis][kind];
    if (!q.equalBase(s.reference)) {
      const other = this.basis === "mass" ? "masses" : "amounts of substance";
      throw new InputError(
        this.fn,
        arg,
        `expected ${s.label} (e.g. "${s.example}"), as the other inputs are ${other}`,
        describeValue(value),
      );
    }
    return s;
  }

  private wrongDimension(arg: string, s: KindSpec, value: unknown): never {
    throw new InputError(this.fn, arg, `expected ${s.label} (e.g. "${s.example}")`, describeValue(value));
  }

  /** The spec of a kind under the current basis (mass while none is fixed), for messages. */
  private specOf(kind: PkFieldKind): KindSpec {
    return kind === "volume" || kind === "rateConstant" || kind === "clearance" || kind === "time"
      ? FIXED[kind]
      : BY_BASIS[this.basis ?? "mass"][kind];
  }

  /**
   * One dimensioned value in kernel units. undefined stays undefined (the kernel's validation
   * reports a missing required field); a bare number is the mixing error; negative values are
   * refused unless `allowNegative`.
   */
  read(arg: string, field: PkField, value: unknown, allowNegative = false): number | undefined {
    if (value === undefined) return undefined;
    const kind: PkFieldKind = PK_FIELDS[field];
    if (typeof value === "number")
      throw new InputError(
        this.fn,
        arg,
        `must carry a unit like the other inputs, e.g. "${this.specOf(kind).hint}" (or give every input as plain numbers)`,
        value,
      );
    const q = parseQuantity(this.fn, arg, value, this.specOf(kind).hint);
    const s = this.specFor(kind, arg, q, value);
    const n = kernelNumber(q, value, s.kernel);
    if (!Number.isFinite(n)) throw new InputError(this.fn, arg, "must be finite", describeValue(value));
    if (!allowNegative && n < 0) throw new InputError(this.fn, arg, "must not be negative", describeValue(value));
    if (!this.units.has(field)) this.units.set(field, q.formatUnits());
    return n;
  }

  /** A required dimensioned value: missing is an error that says what to give. */
  required(arg: string, field: PkField, value: unknown, allowNegative = false): number {
    if (value === undefined) {
      const s = this.specOf(PK_FIELDS[field]);
      throw new InputError(this.fn, arg, `is required: ${s.label} such as "${s.hint}"`, value);
    }
    return this.read(arg, field, value, allowNegative) as number;
  }

  /**
   * An options object with its listed dimensioned fields in kernel units (the rest copied as
   * given, for the kernel to validate). `required` fields must be present; `prefix` names the
   * argument in messages ("params" → "params.volume").
   */
  fields(
    prefix: string,
    value: unknown,
    required: readonly PkField[],
    optional: readonly PkField[] = [],
  ): Record<string, unknown> {
    if (typeof value !== "object" || value === null || Array.isArray(value))
      throw new InputError(this.fn, prefix, "must be an options object", value);
    const o = value as Record<string, unknown>;
    const out: Record<string, unknown> = { ...o };
    for (const key of required) out[key] = this.required(`${prefix}.${key}`, key, o[key]);
    for (const key of optional) {
      if (o[key] === undefined) delete out[key];
      else out[key] = this.read(`${prefix}.${key}`, key, o[key]);
    }
    return out;
  }

  /** A list of dose events with units, in kernel units (route checked by the kernel). */
  doses(arg: string, value: unknown): Record<string, unknown>[] {
    if (!Array.isArray(value)) throw new InputError(this.fn, arg, "must be an array of dose events", value);
    return value.map((d: unknown, i) => this.fields(`${arg}[${i}]`, d, ["time", "amount"], ["duration"]));
  }

  /** Times (a series or an array of quantities) in h; remembers their unit as "times". */
  times(arg: string, value: unknown): number[] {
    if (Array.isArray(value) && value.length > 0 && typeof value[0] === "number")
      throw new InputError(
        this.fn,
        arg,
        'must carry units like the other inputs, e.g. series([0, 1, 2], "h") (or give every input as plain numbers)',
        value,
      );
    const s = readSeries(this.fn, arg, value, ["time"]);
    const unitName = s.unit.formatUnits();
    if (!this.units.has("times")) {
      this.units.set("times", unitName);
      this.timeValues = s.values;
    }
    const factor = conversionFactor(unitName, "h");
    return factor === 1 ? s.values.slice() : s.values.map((v) => v * factor);
  }

  /** The unit a field came in, or the kernel unit of its kind when it was not given. */
  unitOf(field: string, fallback: string): string {
    return this.units.get(field) ?? fallback;
  }

  /** Kernel unit of a substance kind under the call's basis (mass when none was read). */
  kernelUnit(kind: "amount" | "concentration"): string {
    return BY_BASIS[this.basis ?? "mass"][kind].kernel;
  }

  /** A kernel concentration as a Unit in the amount unit over the volume unit of the call. */
  concentration(value: number, amountField: string, volumeField: string): Unit {
    return asUnit(value, this.kernelUnit("concentration"), this.concentrationUnit(amountField, volumeField));
  }

  /** The concentration unit of the results: the unit of the amount field over the unit of the volume field. */
  concentrationUnit(amountField: string, volumeField: string): string {
    const a = math.unit(this.unitOf(amountField, this.kernelUnit("amount")));
    const v = math.unit(this.unitOf(volumeField, "L"));
    return (a.divide(v) as Unit).formatUnits();
  }
}

/** The product of two unit names as a unit name, e.g. "ug / L" · "h" → "(ug h) / L". */
export function productUnit(a: string, b: string): string {
  return math.unit(a).multiply(math.unit(b)).formatUnits();
}

/** A kernel number as a Unit shown in `unitName` (`to` fixes the prefix). */
export function asUnit(value: number, kernelUnit: string, unitName: string): Unit {
  return math.unit(value, kernelUnit).to(unitName);
}

/**
 * The factor from one unit to another of the same dimension. mathjs goes through SI, so
 * mg/L → ug/L comes out as 999.9999999999999; a factor within 1e-14 of a power of ten (every
 * prefix change) is snapped to it, so a series in the kernel's own unit is the kernel's numbers exactly.
 */
export function conversionFactor(from: string, to: string): number {
  const factor = math.unit(1, from).toNumber(to);
  const power = 10 ** Math.round(Math.log10(factor));
  return Math.abs(factor - power) <= 1e-14 * power ? power : factor;
}

/** Kernel numbers as a series in `unitName`. */
export function asSeries(values: readonly number[], kernelUnit: string, unitName: string): Series {
  const factor = conversionFactor(kernelUnit, unitName);
  return series(factor === 1 ? values : values.map((v) => v * factor), unitName);
}

/** True when a grid's times carry units. */
export function gridWithUnits(grid: unknown): boolean {
  if (typeof grid !== "object" || grid === null) return false;
  const g = grid as Record<string, unknown>;
  return carriesUnits(g.times) || withUnits(undefined, g, ["tEnd"]);
}

/** A grid with units → the kernel's number grid (times and tEnd in h). */
export function numberGrid(call: UnitCall, grid: unknown): Record<string, unknown> {
  if (typeof grid !== "object" || grid === null || Array.isArray(grid))
    throw new InputError(call.fn, "grid", "must be an options object", grid);
  const g = grid as Record<string, unknown>;
  const out: Record<string, unknown> = { ...g, times: call.times("grid.times", g.times) };
  if (g.tEnd !== undefined) out.tEnd = call.read("grid.tEnd", "tEnd", g.tEnd);
  return out;
}
