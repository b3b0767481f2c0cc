import { readCsv } from "./csv";
import { dataFile } from "./directory";
import { profilesFromTable, type ConcentrationProfile } from "./profile";

/** The IV bolus dose every Indometh subject received [mg]. */
export const INDOMETH_DOSE_MG = 25;

/**
 * R's `datasets::Indometh`: indometacin after a 25 mg intravenous bolus in 6 subjects,
 * 11 samples each from 0.25 to 8 h (Kwan, Breault, Umbenhauer, McMahon & Duggan,
 * J Pharmacokinet Biopharm 4:255, 1976). Time [h], conc [mg/L]. There is no time-0
 * sample: C0 must be back-extrapolated (see `nca` with `route: "iv-bolus"`).
 * @param directory the data folder [default: {@link dataDirectory}]
 * @returns 6 profiles, subjects "1" … "6", each with doseMg = 25
 * @throws {InputError} when the file is missing or malformed
 * @example loadIndometh()[0].conc.slice(0, 2) // => [1.5, 0.94]
 */
export function loadIndometh(directory?: string): ConcentrationProfile[] {
  const table = readCsv(dataFile("Indometh.csv", directory));
  return profilesFromTable(table, { subject: "Subject", time: "time", conc: "conc" }).map((p) => ({
    ...p,
    doseMg: INDOMETH_DOSE_MG,
  }));
}
