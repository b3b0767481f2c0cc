import { InputError } from "../core/errors";
import { csvNumber, type CsvTable } from "./csv";

/**
 * One subject's concentration–time profile after a single dose, in the library's NCA units.
 * Time is since the dose [h], concentration in plasma [mg/L].
 */
export interface ConcentrationProfile {
  /** Subject identifier as written in the dataset. */
  readonly subject: string;
  /** Sampling times since the dose [h], strictly increasing. */
  readonly time: readonly number[];
  /** Concentrations [mg/L], one per time. */
  readonly conc: readonly number[];
  /** The administered dose [mg] when the dataset states it. */
  readonly doseMg?: number;
  /** The dose per body weight [mg/kg] when the dataset states it (Theoph). */
  readonly doseMgPerKg?: number;
  /** Body weight [kg] when the dataset states it (Theoph). */
  readonly weightKg?: number;
}

/** Which columns of a long-format table hold the subject, time and concentration. */
export interface ProfileColumns {
  readonly subject: string;
  readonly time: string;
  readonly conc: string;
}

/**
 * Split a long-format table (one row per sample) into one profile per subject, in order of
 * first appearance. Rows of a subject need not be adjacent, but each subject's times must be
 * strictly increasing in file order — a shuffled or duplicated sample is an error, not sorted
 * away silently.
 * @param table a parsed CSV table
 * @param columns the names of the subject, time [h] and concentration [mg/L] columns
 * @returns one {@link ConcentrationProfile} per subject (without dose fields)
 * @throws {InputError} when a column is missing, a cell is not a number, or a subject's times
 *   are not strictly increasing
 * @example profilesFromTable(parseCsv("id,t,c\nA,0,1\nA,1,0.5"), { subject: "id", time: "t", conc: "c" })[0].conc // => [1, 0.5]
 */
export function profilesFromTable(table: CsvTable, columns: ProfileColumns): ConcentrationProfile[] {
  for (const [role, name] of Object.entries(columns)) {
    if (!table.columns.includes(name)) {
      throw new InputError(
        "profilesFromTable",
        `columns.${role}`,
        `must name a column of the table (${table.columns.join(", ")})`,
        name,
      );
    }
  }
  const bySubject = new Map<string, { time: number[]; conc: number[] }>();
  table.rows.forEach((row, i) => {
    const subject = row[columns.subject].trim();
    const time = csvNumber(table, row, columns.time, i);
    const conc = csvNumber(table, row, columns.conc, i);
    let profile = bySubject.get(subject);
    if (!profile) bySubject.set(subject, (profile = { time: [], conc: [] }));
    const previous = profile.time[profile.time.length - 1];
    if (previous !== undefined && !(time > previous)) {
      throw new InputError(
        "profilesFromTable",
        `${columns.time} (line ${i + 2}, subject ${subject})`,
        "must be strictly increasing within a subject",
        `${previous} then ${time}`,
      );
    }
    profile.time.push(time);
    profile.conc.push(conc);
  });
  return [...bySubject].map(([subject, p]) => ({ subject, time: p.time, conc: p.conc }));
}
