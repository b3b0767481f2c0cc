/**
 * The Microdosing Workbook library: one import for notebooks and exercises.
 * Dependency direction: science (core, pk, nca, data, regulatory, pharmacology, studies,
 * ams, translation, dosage-forms) ← charts ← workbook ← course. The science never
 * imports the tooling.
 */
export * from "./core";
export * from "./pk";
export * from "./nca";
export * from "./data";
export * from "./regulatory";
export * from "./pharmacology";
export * from "./studies";
export * from "./ams";
export * from "./translation";
export * from "./dosage-forms";
export * from "./charts";
