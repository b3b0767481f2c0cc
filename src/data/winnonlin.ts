import { InputError } from "../core/errors";
import { csvNumber, readCsv } from "./csv";
import { dataFile } from "./directory";

/** The Phoenix WinNonlin NCA reference tables shipped in data/reference/. */
export const WINNONLIN_REFERENCES = {
  /** Theoph, flat dose 320 mg, extravascular, linear trapezoidal, best-fit lambda-z. */
  "Theoph-linear": "reference/winnonlin-Theoph-linear.csv",
  /** Indometh, 25 mg IV bolus, linear trapezoidal, best-fit lambda-z, C0 by log back-extrapolation. */
  "Indometh-bolus-linear": "reference/winnonlin-Indometh-bolus-linear.csv",
} as const;
export type WinNonlinReferenceName = keyof typeof WINNONLIN_REFERENCES;

/** One subject's row of a WinNonlin table: every parameter column as a number. */
export interface WinNonlinRow {
  readonly subject: string;
  /** Values keyed by WinNonlin's column name (AUClast, Lambda_z, Cl_F_obs, ...). */
  readonly values: Readonly<Record<string, number>>;
}

/** A WinNonlin reference table: its parameter columns (without Subject) and rows. */
export interface WinNonlinTable {
  readonly columns: readonly string[];
  readonly rows: readonly WinNonlinRow[];
}

/**
 * Load a Phoenix WinNonlin NCA results table (from the NonCompart R package's validation
 * set) for checking `nca` against the reference software.
 * @param name "Theoph-linear" or "Indometh-bolus-linear"
 * @param directory the data folder [default: {@link dataDirectory}]
 * @throws {InputError} when the name is unknown or the file is malformed
 * @example loadWinNonlinReference("Indometh-bolus-linear").rows[0].values.C0 // => 2.3936170212766
 */
export function loadWinNonlinReference(name: WinNonlinReferenceName, directory?: string): WinNonlinTable {
  if (!Object.prototype.hasOwnProperty.call(WINNONLIN_REFERENCES, name)) {
    throw new InputError(
      "loadWinNonlinReference",
      "name",
      `must be one of ${Object.keys(WINNONLIN_REFERENCES)
        .map((n) => `"${n}"`)
        .join(", ")}`,
      name,
    );
  }
  const table = readCsv(dataFile(WINNONLIN_REFERENCES[name], directory));
  if (table.columns[0] !== "Subject")
    throw new InputError("loadWinNonlinReference", name, 'must start with a "Subject" column', table.columns[0]);
  const columns = table.columns.slice(1);
  const rows = table.rows.map((row, i) => {
    const values: Record<string, number> = {};
    for (const column of columns) values[column] = csvNumber(table, row, column, i);
    return { subject: row.Subject.trim(), values };
  });
  return { columns, rows };
}
