/** Datasets shipped in data/ (R's Theoph and Indometh, WinNonlin reference tables) and their loaders. */
export { parseCsv, readCsv, csvNumber, type CsvTable } from "./csv";
export { dataDirectory, dataFile } from "./directory";
export { profilesFromTable, type ConcentrationProfile, type ProfileColumns } from "./profile";
export { loadTheoph, type TheophProfile } from "./theoph";
export { loadIndometh, INDOMETH_DOSE_MG } from "./indometh";
export {
  loadWinNonlinReference,
  WINNONLIN_REFERENCES,
  type WinNonlinReferenceName,
  type WinNonlinRow,
  type WinNonlinTable,
} from "./winnonlin";
