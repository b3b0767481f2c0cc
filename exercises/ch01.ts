/**
 * Chapter 1 — Introduction: the scale of a microdose.
 * Write each answer in place of `notAttempted(...)`; run `check("ex-1.1")` in the notebook
 * or `npm run check` to see how you did.
 */
import { massToAmount, math, unit, type Unit } from "../src";
import { variant } from "../src/workbook/catalog/data";
import { notAttempted } from "../src/workbook/not-attempted";

/**
 * ex-1.1 (1 point) — How small is a microdose?
 *
 * A candidate's therapeutic dose is expected to be 250 mg; its microdose study will give 100 µg.
 * How many times smaller is the microdose than the therapeutic dose?
 *
 * Produce `ex1_1_doseRatio`: the ratio therapeutic dose / microdose, a plain number
 * (dimensionless).
 *
 * Your numbers: variant("ex-1.1") (after setStudentId or workbook.json; exercise("ex-1.1") shows your prompt).
 *
 * Check: check("ex-1.1") in the notebook, or npm run check -- --only ex-1.1
 */
export const ex1_1_doseRatio: number = notAttempted("ex-1.1");

/**
 * ex-1.2 (1 point) — A microdose in moles
 *
 * Express a 100 µg microdose of a small molecule with molecular weight 350 g/mol as an amount of
 * substance.
 *
 * Produce `ex1_2_microdoseNmol`: the amount in nmol (a number, or a mathjs Unit such as `unit("…
 * nmol")`).
 *
 * Your numbers: variant("ex-1.2") (after setStudentId or workbook.json; exercise("ex-1.2") shows your prompt).
 *
 * Check: check("ex-1.2") in the notebook, or npm run check -- --only ex-1.2; answer unit [nmol]
 */
export const ex1_2_microdoseNmol: number | Unit = notAttempted("ex-1.2");
