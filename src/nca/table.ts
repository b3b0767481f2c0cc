import { InputError } from "../core/errors";
import { carriesUnits, type SeriesInput } from "../core/series";
import { formatQuantity, math, type QuantityInput } from "../core/units";
import { plainObject } from "../core/validate";
import type { ConcentrationProfile } from "../data/profile";
import { ncaResolved } from "./kernel";
import { resolveNcaOptions, validateProfile } from "./options";
import { NCA_PARAMETER_IDS, ncaParameter, type NcaParameterId } from "./parameters";
import { attachUnits, numberOptions, readUnitProfile, type UnitProfile } from "./quantities";
import type { NcaOptions, NcaQuantityOptions, NcaQuantityResult, NcaResult } from "./types";

/** Options of {@link ncaTable}: those of `nca`, with the dose optional or per profile. */
export interface NcaTableOptions extends Omit<NcaOptions, "dose"> {
  /** Dose [mg] for every profile, a function of the profile, or omitted to use each profile's `doseMg`. */
  readonly dose?: number | ((profile: ConcentrationProfile) => number);
  /** Which parameters become columns, in order; default {@link DEFAULT_NCA_TABLE_PARAMETERS}. */
  readonly parameters?: readonly NcaParameterId[];
}

/** A subject's profile with units: time and concentration as series or arrays of quantities. */
export interface NcaQuantityProfile {
  readonly subject: string;
  readonly time: SeriesInput;
  readonly conc: SeriesInput;
  /** The administered dose [mg] when the dataset states it (used when `options.dose` is omitted). */
  readonly doseMg?: number;
}

/** Options of {@link ncaTable} for profiles with units: those of `nca` with units, the dose a quantity. */
export interface NcaQuantityTableOptions extends Omit<NcaQuantityOptions, "dose"> {
  /** Dose for every profile ("100 ug"), a function of the profile, or omitted to use each profile's `doseMg`. */
  readonly dose?: QuantityInput | ((profile: NcaQuantityProfile) => QuantityInput);
  /** Which parameters become columns, in order; default {@link DEFAULT_NCA_TABLE_PARAMETERS}. */
  readonly parameters?: readonly NcaParameterId[];
}

/** The columns a table shows unless told otherwise: the parameters most NCA reports lead with. */
export const DEFAULT_NCA_TABLE_PARAMETERS: readonly NcaParameterId[] = [
  "cmax",
  "tmax",
  "tlast",
  "clast",
  "aucLast",
  "aucInfObs",
  "aucPctExtrapObs",
  "lambdaZ",
  "lambdaZPoints",
  "r2Adj",
  "halfLife",
  "cl",
  "vz",
  "mrtInfObs",
];

/** A column of an NCA table, labelled from the parameter registry. */
export interface NcaTableColumn {
  readonly id: "subject" | NcaParameterId;
  readonly label: string;
  readonly unit: string;
}

/** One row per profile: the subject and the chosen parameters (null where not estimable). */
export type NcaTableRow = { readonly subject: string } & { readonly [K in NcaParameterId]?: number | null };

/** Result of {@link ncaTable}: columns, rows, and the full `nca` result per profile. */
export interface NcaTable {
  readonly columns: readonly NcaTableColumn[];
  readonly rows: readonly NcaTableRow[];
  readonly results: readonly NcaResult[];
}

/**
 * Result of {@link ncaTable} on profiles with units: each column's unit follows from the first
 * profile's units (AUC in pg·h/mL for h and pg/mL), the rows hold numbers in those units, and
 * the per-subject results hold Units as `nca` returns them.
 */
export interface NcaQuantityTable {
  readonly columns: readonly NcaTableColumn[];
  readonly rows: readonly NcaTableRow[];
  readonly results: readonly NcaQuantityResult[];
}

/**
 * NCA of many subjects at once, as a table whose headers come from the parameter registry.
 * Options are validated once; each profile is validated and analysed with `nca`'s rules.
 *
 * Units, two ways, as for `nca`. With units: every profile's time and conc are series (or
 * arrays of quantities), the dose is a quantity and so is every option with a dimension; the
 * columns then carry the units that follow from the first profile (time T, concentration C:
 * AUC in C·T, CL in L/T), later profiles are read in those units, and `results` hold Units.
 * With plain numbers: time [h], concentration [mg/L], dose [mg], as in {@link ConcentrationProfile}.
 * @param profiles one profile per subject (e.g. from `loadTheoph()`), all with units or none
 * @param options `nca` options; `dose` may be a number (a quantity with units), a function of
 *   the profile, or omitted to use each profile's `doseMg`
 * @returns columns (subject first), rows and the per-subject results
 * @throws {InputError} when profiles is empty or not an array, a profile is invalid (the
 *   message names the subject), a dose is missing or not positive, or an option is invalid;
 *   with units, also for a wrong dimension, or profiles given partly with units and partly as numbers
 * @example ncaTable(loadTheoph(), { dose: 320, route: "extravascular" }).rows[0].aucLast // => 148.92305
 * @example ncaTable([{ subject: "A", time: series([0, 1, 2, 4], "h"), conc: series([0, 8, 4, 1], "pg/mL") }], { dose: "10 ug", route: "extravascular" }).rows[0].aucLast // => 15
 * @example ncaTable([{ subject: "A", time: series([0, 1, 2, 4], "h"), conc: series([0, 8, 4, 1], "pg/mL") }], { dose: "10 ug", route: "extravascular" }).columns.find((c) => c.id === "aucLast")?.unit // => "pg·h/mL"
 * @example ncaTable([{ subject: "A", time: series([0, 1, 2, 4], "h"), conc: series([0, 8, 4, 1], "pg/mL") }], { dose: "10 ug", route: "extravascular" }).results[0].aucLast // => 15 pg*h/mL
 */
export function ncaTable(profiles: readonly ConcentrationProfile[], options: NcaTableOptions): NcaTable;
export function ncaTable(profiles: readonly NcaQuantityProfile[], options: NcaQuantityTableOptions): NcaQuantityTable;
export function ncaTable(
  profiles: readonly (ConcentrationProfile | NcaQuantityProfile)[],
  options: NcaTableOptions | NcaQuantityTableOptions,
): NcaTable | NcaQuantityTable {
  const fn = "ncaTable";
  if (!Array.isArray(profiles) || profiles.length === 0)
    throw new InputError(fn, "profiles", "must be a non-empty array of profiles", profiles);
  const {
    dose,
    parameters = DEFAULT_NCA_TABLE_PARAMETERS,
    ...ncaOptions
  } = plainObject(fn, "options", options) as unknown as NcaTableOptions | NcaQuantityTableOptions;
  if (!Array.isArray(parameters) || parameters.length === 0)
    throw new InputError(fn, "options.parameters", "must be a non-empty array of parameter ids", parameters);
  for (const id of parameters as readonly unknown[]) {
    if (!NCA_PARAMETER_IDS.includes(id as NcaParameterId))
      throw new InputError(fn, "options.parameters", "must contain only NCA parameter ids (see NCA_PARAMETER_IDS)", id);
  }
  const ids: readonly NcaParameterId[] = parameters;
  const withUnits = profileCarriesUnits(fn, profiles[0], 0);
  profiles.forEach((profile, i) => {
    if (profileCarriesUnits(fn, profile, i) !== withUnits) {
      const rule = withUnits
        ? "must carry units like profiles[0] (time and conc as series); give every profile with units or none"
        : "must be plain numbers (time [h], conc [mg/L]) like profiles[0]; give every profile with units or none";
      throw new InputError(fn, `profiles[${i}]`, rule, `subject ${String(profile.subject)}`);
    }
  });
  if (withUnits) {
    return quantityTable(fn, profiles as readonly NcaQuantityProfile[], dose, ncaOptions, ids);
  }
  if (dose !== undefined && typeof dose !== "number" && typeof dose !== "function") {
    throw new InputError(
      fn,
      "options.dose",
      'must be a number [mg], a function of the profile, or omitted (a quantity such as "100 ug" needs profiles with units)',
      dose,
    );
  }
  const numberProfiles = profiles as readonly ConcentrationProfile[];
  const results = numberProfiles.map((profile, i) => {
    const label = `profiles[${i}] (subject ${String(profile.subject)})`;
    const { time, conc } = validateProfile(`${fn}: ${label}`, profile.time, profile.conc);
    const doseMg =
      typeof dose === "function" ? (dose as (p: ConcentrationProfile) => number)(profile) : (dose ?? profile.doseMg);
    const resolved = resolveNcaOptions(`${fn}: ${label}`, { ...ncaOptions, dose: doseMg });
    return ncaResolved(time, conc, resolved);
  });
  const columns: NcaTableColumn[] = [
    { id: "subject", label: "Subject", unit: "" },
    ...ids.map((id) => {
      const p = ncaParameter(id);
      return { id, label: p.label, unit: p.unit };
    }),
  ];
  const rows = results.map((result, i) => {
    const row: Record<string, string | number | null> = { subject: String(profiles[i].subject) };
    for (const id of ids) row[id] = result[id];
    return row as NcaTableRow;
  });
  return { columns, rows, results };
}

/** Whether profiles[i] is given with units (validating that it is an object). */
function profileCarriesUnits(fn: string, profile: unknown, i: number): boolean {
  const p = plainObject(fn, `profiles[${i}]`, profile);
  return carriesUnits(p.time) || carriesUnits(p.conc);
}

/**
 * The table with units: each profile goes through `nca`'s quantity layer (read, options to
 * numbers in the profile's units, units attached); the rows are the results read in the
 * first profile's units, so one header unit holds for the whole column.
 */
function quantityTable(
  fn: string,
  profiles: readonly NcaQuantityProfile[],
  dose: unknown,
  ncaOptions: object,
  ids: readonly NcaParameterId[],
): NcaQuantityTable {
  if (dose !== undefined && typeof dose !== "string" && typeof dose !== "function" && !math.isUnit(dose)) {
    throw new InputError(
      fn,
      "options.dose",
      'must be a quantity such as "100 ug", a function of the profile, or omitted (profiles with units need a dose with units)',
      dose,
    );
  }
  let first: UnitProfile | undefined;
  const analysed = profiles.map((profile, i) => {
    const where = `${fn}: profiles[${i}] (subject ${String(profile.subject)})`;
    const unitProfile = readUnitProfile(where, profile.time, profile.conc);
    first ??= unitProfile;
    for (const arg of ["time", "conc"] as const) {
      const here = unitProfile[arg].unit;
      if (!here.equalBase(first[arg].unit))
        throw new InputError(
          fn,
          `profiles[${i}].${arg}`,
          `must have the dimension of profiles[0].${arg} (${first[arg].unit.formatUnits()}): one unit per column`,
          here.formatUnits(),
        );
    }
    const doseHere =
      typeof dose === "function"
        ? (dose as (p: NcaQuantityProfile) => QuantityInput)(profile)
        : (dose ?? (profile.doseMg === undefined ? undefined : math.unit(profile.doseMg, "mg")));
    if (doseHere === undefined)
      throw new InputError(
        where,
        "options.dose",
        'is needed: a quantity such as "100 ug", a function of the profile, or each profile\'s doseMg',
        undefined,
      );
    const numbers = validateProfile(where, unitProfile.time.values, unitProfile.conc.values);
    const o = resolveNcaOptions(where, numberOptions(where, { ...ncaOptions, dose: doseHere }, unitProfile));
    const result = ncaResolved(numbers.time, numbers.conc, o);
    return { result, units: unitProfile.units, withUnits: attachUnits(result, unitProfile.units) };
  });
  const units = (first as UnitProfile).units;
  const columns: NcaTableColumn[] = [
    { id: "subject", label: "Subject", unit: "" },
    ...ids.map((id) => {
      const p = ncaParameter(id);
      const unitName = units[p.unitKind];
      return { id, label: p.label, unit: unitName === null ? p.unit : courseUnit(unitName) };
    }),
  ];
  const rows = analysed.map((a, i) => {
    const row: Record<string, string | number | null> = { subject: String(profiles[i].subject) };
    for (const id of ids) {
      const kind = ncaParameter(id).unitKind;
      const unitName = units[kind];
      const q = a.withUnits[id];
      // In the first profile's units the kernel's number is the entry, exactly; otherwise it is converted.
      row[id] =
        a.units[kind] === unitName || q === null || typeof q === "number"
          ? a.result[id]
          : q.toNumber(unitName as string);
    }
    return row as NcaTableRow;
  });
  return { columns, rows, results: analysed.map((a) => a.withUnits) };
}

/** A mathjs unit written the way the course writes it ("(pg h) / mL" → "pg·h/mL", "h^-1" → "1/h"). */
function courseUnit(unitName: string): string {
  const reciprocal = /^(\w+)\^-1$/.exec(unitName);
  if (reciprocal) return `1/${reciprocal[1]}`;
  // formatQuantity owns the course's notation; a quantity of 1 in the unit shows it without the number.
  return formatQuantity(math.unit(1, unitName)).replace(/^1 /, "");
}

/**
 * Render an NCA table as aligned plain text (for the console and notebooks): a header of
 * labels with units, one line per subject, numbers to `significantDigits`, "—" for null.
 * A table with units shows the units that follow from its profiles ("AUCinf,obs [pg·h/mL]").
 * @param table the result of {@link ncaTable}
 * @param significantDigits digits shown per number [default 4]
 * @throws {InputError} when significantDigits is not an integer in 1..15
 * @example formatNcaTable(ncaTable(loadIndometh(), { route: "iv-bolus" })).split("\n")[0].startsWith("Subject") // => true
 * @example formatNcaTable(ncaTable([{ subject: "A", time: series([0, 1, 2, 4], "h"), conc: series([0, 8, 4, 1], "pg/mL") }], { dose: "10 ug", route: "extravascular", parameters: ["cmax", "aucLast"] })).split("\n")[0] // => "Subject  Cmax [pg/mL]  AUClast [pg·h/mL]"
 */
export function formatNcaTable(table: NcaTable | NcaQuantityTable, significantDigits = 4): string {
  if (!Number.isInteger(significantDigits) || significantDigits < 1 || significantDigits > 15) {
    throw new InputError("formatNcaTable", "significantDigits", "must be an integer from 1 to 15", significantDigits);
  }
  const header = table.columns.map((c) => (c.unit ? `${c.label} [${c.unit}]` : c.label));
  const body = table.rows.map((row) =>
    table.columns.map((c) => {
      const v = (row as Record<string, unknown>)[c.id];
      if (typeof v === "number")
        return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(significantDigits)));
      return v === null || v === undefined ? "—" : String(v);
    }),
  );
  const widths = header.map((h, j) => Math.max(h.length, ...body.map((r) => r[j].length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, j) => (j === 0 ? cell.padEnd(widths[j]) : cell.padStart(widths[j])))
      .join("  ")
      .trimEnd();
  return [line(header), ...body.map(line)].join("\n");
}
