import { InputError } from "../core/errors";
import { plainObject } from "../core/validate";
import type { ConcentrationProfile } from "../data/profile";
import { ncaResolved } from "./kernel";
import { resolveNcaOptions, validateProfile } from "./options";
import { NCA_PARAMETER_IDS, ncaParameter, type NcaParameterId } from "./parameters";
import type { NcaOptions, NcaResult } from "./types";

/** Options of {@link ncaTable}: those of `nca`, with the dose optional or per profile. */
export interface NcaTableOptions extends Omit<NcaOptions, "dose"> {
  /** Dose [mg] for every profile, a function of the profile, or omitted to use each profile's `doseMg`. */
  readonly dose?: number | ((profile: ConcentrationProfile) => number);
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
 * NCA of many subjects at once, as a table whose headers come from the parameter registry.
 * Options are validated once; each profile is validated and analysed with `nca`'s rules.
 * @param profiles one {@link ConcentrationProfile} per subject (e.g. from `loadTheoph()`)
 * @param options `nca` options; `dose` may be a number, a function of the profile, or omitted
 *   to use each profile's `doseMg`
 * @returns columns (subject first), rows and the per-subject results
 * @throws {InputError} when profiles is empty or not an array, a profile is invalid (the
 *   message names the subject), a dose is missing or not positive, or an option is invalid
 * @example ncaTable(loadTheoph(), { dose: 320, route: "extravascular" }).rows[0].aucLast // => 148.92305
 */
export function ncaTable(profiles: readonly ConcentrationProfile[], options: NcaTableOptions): NcaTable {
  const fn = "ncaTable";
  if (!Array.isArray(profiles) || profiles.length === 0)
    throw new InputError(fn, "profiles", "must be a non-empty array of profiles", profiles);
  const {
    dose,
    parameters = DEFAULT_NCA_TABLE_PARAMETERS,
    ...ncaOptions
  } = plainObject(fn, "options", options) as unknown as NcaTableOptions;
  if (!Array.isArray(parameters) || parameters.length === 0)
    throw new InputError(fn, "options.parameters", "must be a non-empty array of parameter ids", parameters);
  for (const id of parameters as readonly unknown[]) {
    if (!NCA_PARAMETER_IDS.includes(id as NcaParameterId))
      throw new InputError(fn, "options.parameters", "must contain only NCA parameter ids (see NCA_PARAMETER_IDS)", id);
  }
  const ids: readonly NcaParameterId[] = parameters;
  if (dose !== undefined && typeof dose !== "number" && typeof dose !== "function") {
    throw new InputError(fn, "options.dose", "must be a number [mg], a function of the profile, or omitted", dose);
  }
  const results = profiles.map((profile, i) => {
    const subject = plainObject(fn, `profiles[${i}]`, profile).subject;
    const label = `profiles[${i}] (subject ${String(subject)})`;
    const { time, conc } = validateProfile(`${fn}: ${label}`, profile.time, profile.conc);
    const doseMg = typeof dose === "function" ? dose(profile) : (dose ?? profile.doseMg);
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

/**
 * Render an NCA table as aligned plain text (for the console and notebooks): a header of
 * labels with units, one line per subject, numbers to `significantDigits`, "—" for null.
 * @param table the result of {@link ncaTable}
 * @param significantDigits digits shown per number [default 4]
 * @throws {InputError} when significantDigits is not an integer in 1..15
 * @example formatNcaTable(ncaTable(loadIndometh(), { route: "iv-bolus" })).split("\n")[0].startsWith("Subject") // => true
 */
export function formatNcaTable(table: NcaTable, significantDigits = 4): string {
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
