/**
 * Chapter 1 — Introduction: the scale of a microdose.
 * Write each answer in place of `notAttempted(...)`; run `check("ex-1.1")` in the notebook
 * or `npm run check` to see how you did.
 */
import { type Unit } from "../src";
export declare const ex1_1_doseRatio: number;
export declare const ex1_2_microdoseNmol: number | Unit;
