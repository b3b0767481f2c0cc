/**
 * Chapter 1 — Introduction: the scale of a microdose.
 * Write each answer in place of `notAttempted(...)`; run `check("ex-1.1")` in the notebook
 * or `npm run check` to see how you did.
 */
import { massToAmount, math, unit, type Unit } from "../src";
import { variant } from "../src/workbook/catalog/data";
import { notAttempted } from "../src/workbook/not-attempted";

// BEGIN SOLUTION ex-1.1
// Divide the two doses as quantities: mathjs cancels mg against µg and returns a plain number.
const ex1_1 = variant("ex-1.1");
export const ex1_1_doseRatio: number = math.divide(unit(ex1_1.therapeuticMg, "mg"), unit("100 ug")) as number;
// END SOLUTION

// BEGIN SOLUTION ex-1.2
// n = m / MW, with the units module doing the bookkeeping.
export const ex1_2_microdoseNmol: number | Unit = massToAmount(
  "100 ug",
  unit(variant("ex-1.2").molecularWeight, "g/mol"),
).to("nmol");
// END SOLUTION
