import { all, create, type MathJsInstance, type Unit } from "mathjs";
import { InputError, describeValue } from "./errors";

/**
 * The units module: one mathjs instance with the units pharmacology needs (molar
 * concentration M, becquerel, curie, disintegrations per minute, sievert), quantity
 * kinds checked by dimension, and the conversions that need a molecular weight.
 * Every conversion in the library goes through here.
 */
export const math: MathJsInstance = create(all, {});

math.createUnit({
  M: { definition: "1 mol/L", prefixes: "short" },
  Bq: { definition: "1 s^-1", prefixes: "short" },
  Ci: { definition: "3.7e10 Bq", prefixes: "short" },
  dpm: { definition: `${1 / 60} Bq` },
  Sv: { definition: "1 J/kg", prefixes: "short" },
});

export type { Unit };
/** A quantity as the scalar API accepts it: a mathjs Unit or a string mathjs parses ("20 mg"). */
export type QuantityInput = Unit | string;

/** The physical kinds the scalar API speaks, each with its SI-style reference unit. */
export const QUANTITY_KINDS = {
  mass: { reference: "g", label: "a mass", example: "100 ug" },
  amount: { reference: "mol", label: "an amount of substance", example: "30 nmol" },
  volume: { reference: "L", label: "a volume", example: "1 mL" },
  time: { reference: "h", label: "a time", example: "4 h" },
  massConcentration: { reference: "g/L", label: "a mass concentration", example: "0.5 pg/mL" },
  molarConcentration: { reference: "mol/L", label: "a molar concentration", example: "5 nM" },
  rateConstant: { reference: "h^-1", label: "a first-order rate constant", example: "0.17 h^-1" },
  massRate: { reference: "g/h", label: "a mass per time", example: "2 mg/h" },
  concentrationRate: { reference: "g/L/h", label: "a concentration per time", example: "0.5 mg/L/h" },
  auc: { reference: "g*h/L", label: "an AUC (concentration times time)", example: "12 mg*h/L" },
  clearance: { reference: "L/h", label: "a clearance (volume per time)", example: "10 L/h" },
  molarMass: { reference: "g/mol", label: "a molecular weight", example: "400 g/mol" },
  activity: { reference: "Bq", label: "a radioactivity", example: "3.7 kBq" },
  effectiveDose: { reference: "Sv", label: "an effective dose", example: "0.001 mSv" },
} as const;
export type QuantityKind = keyof typeof QUANTITY_KINDS;

const referenceUnits = new Map<QuantityKind, Unit>(
  (Object.keys(QUANTITY_KINDS) as QuantityKind[]).map((k) => [k, math.unit(QUANTITY_KINDS[k].reference)]),
);

/**
 * Parse a string or accept a Unit, without a kind check; or build a quantity from a number
 * and a unit name.
 * @throws {InputError} when the string does not parse, the number is not finite, or the unit name is unknown
 * @example unit(200, "ug").toNumber("mg") // => 0.2
 */
export function unit(value: QuantityInput | number, unitName?: string): Unit {
  if (typeof value === "number") {
    if (unitName === undefined) throw new InputError("unit", "value", "needs a unit name when given a number", value);
    if (!Number.isFinite(value)) throw new InputError("unit", "value", "must be a finite number", value);
    return math.unit(value, unitNamed("unit", "unitName", unitName));
  }
  return parseQuantity("unit", "value", value);
}

/**
 * A quantity as pharmacology writes it, in the form mathjs reads: the micro sign (µ, μ) becomes
 * mathjs's "u" ("100 µg" → "100 ug"), and a rate written "0.35 1/h" becomes "0.35 /h" (mathjs
 * has no unit "1/h"). Every parse of a student's quantity goes through here.
 * @example mathjsQuantityText("0.35 1/h") // => "0.35 /h"
 * @example mathjsQuantityText("100 µg") // => "100 ug"
 */
export function mathjsQuantityText(text: string): string {
  if (typeof text !== "string") throw new InputError("mathjsQuantityText", "text", "must be a string", text);
  return micro(text).replace(/^([-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)\s+1\s*\//i, "$1 /");
}

/**
 * A unit name as pharmacology writes it, in the form mathjs reads: "µg" → "ug", and the
 * reciprocal "1/h" → "h^-1" (mathjs would read "1/h" as the quantity one per hour).
 * @example mathjsUnitText("1/h") // => "h^-1"
 * @example mathjsUnitText("µg/mL") // => "ug/mL"
 * @example mathjsUnitText("ng·h/mL") // => "ng*h/mL"
 */
export function mathjsUnitText(text: string): string {
  if (typeof text !== "string") throw new InputError("mathjsUnitText", "text", "must be a string", text);
  return micro(text).replace(/^1\s*\/\s*([A-Za-z]+)$/, "$1^-1");
}

/** The micro sign (µ, μ) as mathjs's "u", and the product dot "·" (as in "ng·h/mL") as "*". */
function micro(text: string): string {
  return text
    .trim()
    .replace(/[\u00b5\u03bc]/g, "u")
    .replace(/\u00b7/g, "*");
}

/** A unit name mathjs knows, or an InputError naming the caller. */
function unitNamed(fn: string, arg: string, unitName: unknown): string {
  try {
    if (typeof unitName !== "string") throw new Error("not a string");
    math.unit(mathjsUnitText(unitName));
    return mathjsUnitText(unitName);
  } catch (err) {
    throw new InputError(fn, arg, `must be a unit mathjs knows (${(err as Error).message})`, unitName);
  }
}

/**
 * A quantity from a Unit or a string, without a kind check, for a public boundary.
 * @param example shown in the error, e.g. "0.35 1/h" for a rate constant
 * @throws {InputError} naming fn and arg when the value is not a quantity with a unit
 */
export function parseQuantity(fn: string, arg: string, value: unknown, example = "20 mg"): Unit {
  if (math.isUnit(value)) return value;
  if (typeof value === "string") {
    try {
      const parsed = math.unit(mathjsQuantityText(value));
      if (parsed.value === null) throw new Error("no number");
      return parsed;
    } catch (err) {
      throw new InputError(
        fn,
        arg,
        `must be a quantity with a unit such as "${example}" (${(err as Error).message})`,
        value,
      );
    }
  }
  const hint =
    typeof value === "number" ? ` (a bare number has no unit; write it as a string such as "${example}")` : "";
  throw new InputError(fn, arg, `must be a quantity with a unit${hint}`, value);
}

/** The kind a unit belongs to, or undefined when it is none of QUANTITY_KINDS. */
export function kindOf(q: Unit): QuantityKind | undefined {
  for (const [kind, ref] of referenceUnits) if (q.equalBase(ref)) return kind;
  return undefined;
}

export interface QuantityRules {
  /** Allow zero (default true). */
  allowZero?: boolean;
  /** Allow negative values (default false). */
  allowNegative?: boolean;
}

/**
 * Validate a quantity at a public boundary: it parses, has the expected dimension, and
 * is finite (and by default non-negative). Throws e.g.
 * `maxMicrodose: minPharmacologicalDose expected a mass; received 5 nM`.
 */
export function quantity(fn: string, arg: string, value: unknown, kind: QuantityKind, rules: QuantityRules = {}): Unit {
  const q = parseQuantity(fn, arg, value);
  const spec = QUANTITY_KINDS[kind];
  if (!q.equalBase(referenceUnits.get(kind)!)) {
    throw new InputError(fn, arg, `expected ${spec.label} (e.g. "${spec.example}")`, describeValue(value));
  }
  const n = q.toNumber(spec.reference);
  if (!Number.isFinite(n)) throw new InputError(fn, arg, "must be finite", describeValue(value));
  if (!(rules.allowNegative ?? false) && n < 0)
    throw new InputError(fn, arg, "must not be negative", describeValue(value));
  if (!(rules.allowZero ?? true) && n === 0)
    throw new InputError(fn, arg, "must be greater than zero", describeValue(value));
  return q;
}

/** A validated quantity as a plain number in the given unit, e.g. `magnitude(fn, "dose", "20 mg", "mass", "ug")` → 20000. */
export function magnitude(
  fn: string,
  arg: string,
  value: unknown,
  kind: QuantityKind,
  unitName: string,
  rules?: QuantityRules,
): number {
  return quantity(fn, arg, value, kind, rules).toNumber(unitName);
}

/** Either a mass or a molar concentration, told apart by dimension. */
export function concentration(
  fn: string,
  arg: string,
  value: unknown,
  rules?: QuantityRules,
): { q: Unit; kind: "massConcentration" | "molarConcentration" } {
  const q = parseQuantity(fn, arg, value);
  const kind = kindOf(q);
  if (kind !== "massConcentration" && kind !== "molarConcentration") {
    throw new InputError(fn, arg, 'expected a concentration (e.g. "5 nM" or "2 ng/mL")', describeValue(value));
  }
  return { q: quantity(fn, arg, q, kind, rules), kind };
}

/** Mass → amount of substance: n = m / MW. @example massToAmount("100 ug", "500 g/mol") // => 200 nmol */
export function massToAmount(mass: QuantityInput, molecularWeight: QuantityInput): Unit {
  const m = magnitude("massToAmount", "mass", mass, "mass", "g");
  const mw = magnitude("massToAmount", "molecularWeight", molecularWeight, "molarMass", "g/mol", { allowZero: false });
  return math.unit(m / mw, "mol");
}

/** Amount of substance → mass: m = n · MW. @example amountToMass("30 nmol", "150000 g/mol") // => 4.5 mg */
export function amountToMass(amount: QuantityInput, molecularWeight: QuantityInput): Unit {
  const n = magnitude("amountToMass", "amount", amount, "amount", "mol");
  const mw = magnitude("amountToMass", "molecularWeight", molecularWeight, "molarMass", "g/mol", { allowZero: false });
  return math.unit(n * mw, "g");
}

/** Mass concentration → molar concentration: C[M] = C[g/L] / MW. @example toMolarConcentration("1 ng/mL", "400 g/mol") // => 2.5 nM */
export function toMolarConcentration(c: QuantityInput, molecularWeight: QuantityInput): Unit {
  const { q, kind } = concentration("toMolarConcentration", "c", c);
  if (kind === "molarConcentration") return q;
  const mw = magnitude("toMolarConcentration", "molecularWeight", molecularWeight, "molarMass", "g/mol", {
    allowZero: false,
  });
  return math.unit(q.toNumber("g/L") / mw, "mol/L");
}

/** Molar concentration → mass concentration: C[g/L] = C[M] · MW. @example toMassConcentration("5 nM", "400 g/mol") // => 2 ng/mL */
export function toMassConcentration(c: QuantityInput, molecularWeight: QuantityInput): Unit {
  const { q, kind } = concentration("toMassConcentration", "c", c);
  if (kind === "massConcentration") return q;
  const mw = magnitude("toMassConcentration", "molecularWeight", molecularWeight, "molarMass", "g/mol", {
    allowZero: false,
  });
  return math.unit(q.toNumber("mol/L") * mw, "g/L");
}

/** A quantity in a chosen unit as a plain number: `inUnit("0.2 mg", "ug")` → 200. */
export function inUnit(value: QuantityInput, unitName: string): number {
  const q = parseQuantity("inUnit", "value", value);
  const target = math.unit(unitNamed("inUnit", "unitName", unitName));
  if (!q.equalBase(target))
    throw new InputError(
      "inUnit",
      "unitName",
      `must have the dimension of ${q.formatUnits() || "the value"}`,
      unitName,
    );
  return q.toNumber(target.formatUnits());
}

/**
 * Human-readable rendering with significant figures, in a chosen unit or as given, in the
 * compact notation of the field: `formatQuantity("0.2 mg", "ug")` → "200 ug",
 * `formatQuantity("12 mg*h/L")` → "12 mg·h/L", `formatQuantity("3 mg/L/h")` → "3 mg/(L·h)".
 */
export function formatQuantity(value: QuantityInput, unitName?: string, significantDigits = 4): string {
  const fn = "formatQuantity";
  const q = parseQuantity(fn, "value", value);
  if (!Number.isInteger(significantDigits) || significantDigits < 1 || significantDigits > 15) {
    throw new InputError(fn, "significantDigits", "must be an integer from 1 to 15", significantDigits);
  }
  const target = unitName === undefined ? undefined : unitNamed(fn, "unitName", unitName);
  if (target !== undefined && !q.equalBase(math.unit(target))) {
    throw new InputError(fn, "unitName", `must have the dimension of ${q.formatUnits() || "the value"}`, unitName);
  }
  const shown = target === undefined ? q : q.to(target);
  const number = math.format(shown.toNumber(), { precision: significantDigits });
  return `${number} ${compactUnits(shown.formatUnits())}`.trim();
}

/** mathjs writes "(mg h) / L" and "ng / mL"; pharmacology writes "mg·h/L" and "ng/mL". */
function compactUnits(units: string): string {
  return units
    .replace(/(\/\s*)?\(([^()]+)\)/g, (_, slash: string | undefined, group: string) => {
      const product = group.trim().split(/\s+/).join("·");
      return slash === undefined ? product : `/(${product})`;
    })
    .replace(/\s*\/\s*/g, "/")
    .replace(/(\w)\s+(?=\w)/g, "$1·");
}
