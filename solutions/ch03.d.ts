/**
 * Chapter 3 — Methods: Phase 0 designs, microdose-alone CL/F, the IV microtracer, LC-MS/MS
 * vs AMS, and Poisson counting precision.
 * Write each answer in place of `notAttempted(...)`; run `check("ex-3.1")` in the notebook
 * or `npm run check` to see how you did.
 */
import { type Unit } from "../src";
export declare const ex3_1_apparentClearanceLPerH: number | Unit;
export declare function aucLinearUpLogDown(time: number[], conc: number[]): number;
export declare const ex3_3_bioavailability: number;
export declare function systemicClearanceLPerH(doseIvUg: number, aucIvPgHPerMl: number): number;
export declare const ex3_5_countsFor3Percent: number;
export declare const ex3_6_c14Atoms: number;
export declare const ex3_7_lcmsQuantifiableHours: number | Unit;
export declare const ex3_8_extraHoursWithAms: number | Unit;
