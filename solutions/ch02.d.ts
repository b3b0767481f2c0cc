/**
 * Chapter 2 — Principles: the regulatory microdose, occupancy, linearity, saturable and
 * time-dependent pharmacokinetics.
 * Write each answer in place of `notAttempted(...)`; run `check("ex-2.1")` in the notebook
 * or `npm run check` to see how you did.
 */
import { type Unit } from "../src";
export declare const ex2_1_maxMicrodoseUg: number | Unit;
export declare const ex2_2_maxOralMicrodoseUg: number | Unit;
export declare function maxMicrodoseUg(minActiveDoseMg: number, molecularWeight: number | null): number;
export declare const ex2_4_peakOccupancy: number;
export declare const ex2_5_microdoseOccupancyPercent: number;
export declare function michaelisMentenAucMgHPerL(doseMg: number, volumeL: number, vmaxMgPerLPerH: number, kmMgPerL: number): number;
export declare const ex2_7_therapeuticAucMgHPerL: number | Unit;
export declare const ex2_8_aucRatio: number;
