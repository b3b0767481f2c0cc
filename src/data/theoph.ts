import { InputError } from "../core/errors";
import { csvNumber, readCsv } from "./csv";
import { dataFile } from "./directory";
import { profilesFromTable, type ConcentrationProfile } from "./profile";

/** A Theoph subject: the profile plus the body weight and weight-based dose of the study. */
export interface TheophProfile extends ConcentrationProfile {
  readonly doseMgPerKg: number;
  readonly weightKg: number;
  /** doseMgPerKg · weightKg [mg], the dose this subject actually received. */
  readonly doseMg: number;
}

/**
 * R's `datasets::Theoph`: theophylline after a single oral dose in 12 subjects, 11 samples
 * each over 24 h (Boeckmann, Sheiner & Beal, NONMEM Users Guide Part V, 1994). Time [h],
 * conc [mg/L]; the dose was weight-based (Dose column [mg/kg]). Note that subject 1 has a
 * measurable pre-dose sample (0.74 mg/L at t = 0), kept as observed. The Phoenix WinNonlin
 * reference table in data/reference/ analyses these profiles with a flat 320 mg dose.
 * @param directory the data folder [default: {@link dataDirectory}]
 * @returns 12 profiles, subjects "1" … "12", in file order
 * @throws {InputError} when the file is missing or malformed
 * @example loadTheoph()[0].conc[0] // => 0.74
 */
export function loadTheoph(directory?: string): TheophProfile[] {
  const table = readCsv(dataFile("Theoph.csv", directory));
  const profiles = profilesFromTable(table, { subject: "Subject", time: "Time", conc: "conc" });
  return profiles.map((profile) => {
    const rows = table.rows.map((row, i) => ({ row, i })).filter(({ row }) => row.Subject.trim() === profile.subject);
    const weights = new Set(rows.map(({ row, i }) => csvNumber(table, row, "Wt", i)));
    const doses = new Set(rows.map(({ row, i }) => csvNumber(table, row, "Dose", i)));
    if (weights.size !== 1 || doses.size !== 1) {
      throw new InputError("loadTheoph", `subject ${profile.subject}`, "must have one weight and one dose", {
        weights: [...weights],
        doses: [...doses],
      });
    }
    const [weightKg] = weights;
    const [doseMgPerKg] = doses;
    return { ...profile, weightKg, doseMgPerKg, doseMg: doseMgPerKg * weightKg };
  });
}
