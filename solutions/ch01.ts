/**
 * Chapter 1 — Introduction: the scale of a microdose.
 * Write each answer in place of `notAttempted(...)`; run `check("ex-1.1")` in the notebook
 * or `npm run check` to see how you did.
 */
import { math, type Unit } from "../src";
import { notAttempted } from "../src/workbook/not-attempted";

// BEGIN SOLUTION ex-1.1
// Same unit first: 250 mg = 250 000 µg.
export const ex1_1_doseRatio: number = (250 * 1000) / 100;
// END SOLUTION

// BEGIN SOLUTION ex-1.2
// n = m / MW, with the units module doing the bookkeeping.
export const ex1_2_microdoseNmol: number | Unit = math.unit(100e-6 / 350, "mol").to("nmol");
// END SOLUTION
