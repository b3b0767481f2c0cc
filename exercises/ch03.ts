/**
 * Chapter 3 — Methods: Phase 0 designs, microdose-alone CL/F, the IV microtracer, LC-MS/MS
 * vs AMS, and Poisson counting precision.
 * Write each answer in place of `notAttempted(...)`; run `check("ex-3.1")` in the notebook
 * or `npm run check` to see how you did.
 */
import { massToAmount, math, unit, type Series, type Unit } from "../src";
import { variant } from "../src/workbook/catalog/data";
import { notAttempted } from "../src/workbook/not-attempted";

/**
 * ex-3.1 (2 points) — Apparent oral clearance from a microdose
 *
 * In a microdose-alone study a volunteer swallowed 75 µg; the plasma AUC from 0 to infinity was
 * 2.4 ng·h/mL.
 *
 * Produce `ex3_1_apparentClearanceLPerH`: CL/F in L/h (a number, or a mathjs Unit).
 *
 * Your numbers: variant("ex-3.1") (after setStudentId or workbook.json; exercise("ex-3.1") shows your prompt).
 *
 * Check: check("ex-3.1") in the notebook, or npm run check -- --only ex-3.1; answer unit [L/h]
 */
export const ex3_1_apparentClearanceLPerH: number | Unit = notAttempted("ex-3.1");

/**
 * ex-3.2 (4 points) — AUC by the linear-up / log-down trapezoid
 *
 * Implement `aucLinearUpLogDown(time, conc)`: the AUC from the first to the last observation by
 * the linear-up/log-down rule used by PKNCA and Phoenix WinNonlin: on a segment where the
 * concentration falls and both concentrations are positive use the log trapezoid (C1 − C2)·Δt /
 * ln(C1/C2); otherwise (rising, flat, or a zero) the linear trapezoid. Both arguments are series
 * (`series([0, 0.5, 1], "h")`: `.values` in `.unit`): `time` is strictly increasing (h or min),
 * concentrations are ≥ 0 (ng/mL, µg/L or pg/mL). Return a Unit: the area in the concentration unit
 * × the time unit; it is checked in ng·h/mL.
 *
 * Check: check("ex-3.2") in the notebook, or npm run check -- --only ex-3.2; answer unit [ng*h/mL]
 */
export function aucLinearUpLogDown(time: Series, conc: Series): Unit {
  return notAttempted("ex-3.2");
}

/**
 * ex-3.3 (3 points) — Absolute bioavailability from an IV microtracer
 *
 * Volunteers took 50 mg of the unlabelled drug orally and, at the same time, an IV microtracer of
 * 100 µg of the ¹⁴C-labelled drug. LC-MS/MS gave AUC_po = 1350 ng·h/mL for the oral dose; AMS gave
 * AUC_iv = 4.8 ng·h/mL for the tracer.
 *
 * Produce `ex3_3_bioavailability`: the absolute oral bioavailability F as a fraction.
 *
 * Your numbers: variant("ex-3.3") (after setStudentId or workbook.json; exercise("ex-3.3") shows your prompt).
 *
 * Check: check("ex-3.3") in the notebook, or npm run check -- --only ex-3.3
 */
export const ex3_3_bioavailability: number = notAttempted("ex-3.3");

/**
 * ex-3.4 (2 points) — Systemic clearance from the IV tracer
 *
 * Implement `systemicClearanceFromIv(doseIv, aucIv)`: CL = Dose_iv / AUC_iv, for a dose given as a
 * mass (e.g. `unit("100 ug")`) and an AUC as an exposure (e.g. `unit("5000 pg h/mL")`: AMS data
 * are often reported in pg). Return a Unit; it is checked in L/h.
 *
 * Check: check("ex-3.4") in the notebook, or npm run check -- --only ex-3.4; answer unit [L/h]
 */
export function systemicClearanceFromIv(doseIv: Unit, aucIv: Unit): Unit {
  return notAttempted("ex-3.4");
}

/**
 * ex-3.5 (2 points) — How many counts for a target precision?
 *
 * AMS counts ¹⁴C atoms; the count N is Poisson distributed, so its standard deviation is √N.
 *
 * Produce `ex3_5_countsFor3Percent`: the smallest whole number of counts whose relative standard
 * deviation is at most 3 %.
 *
 * Your numbers: variant("ex-3.5") (after setStudentId or workbook.json; exercise("ex-3.5") shows your prompt).
 *
 * Check: check("ex-3.5") in the notebook, or npm run check -- --only ex-3.5
 */
export const ex3_5_countsFor3Percent: number = notAttempted("ex-3.5");

/**
 * ex-3.6 (3 points) — ¹⁴C atoms in a plasma sample
 *
 * A 1 mL plasma sample holds 0.5 pg/mL of a labelled drug (molecular weight 350 g/mol). The tracer
 * was diluted so that 1 molecule in 50 000 carries a ¹⁴C atom (label fraction 2 × 10⁻⁵).
 * Avogadro's number: 6.02214076 × 10²³ /mol.
 *
 * Produce `ex3_6_c14Atoms`: the number of ¹⁴C atoms in the sample (a plain number).
 *
 * Your numbers: variant("ex-3.6") (after setStudentId or workbook.json; exercise("ex-3.6") shows your prompt).
 *
 * Check: check("ex-3.6") in the notebook, or npm run check -- --only ex-3.6
 */
export const ex3_6_c14Atoms: number = notAttempted("ex-3.6");

/**
 * ex-3.7 (3 points) — How long can LC-MS/MS follow a microdose?
 *
 * An IV microdose of 100 µg distributes in V = 150 L (one compartment) and has a half-life of 6 h.
 * The LC-MS/MS assay has a lower limit of quantitation of 5 pg/mL.
 *
 * Produce `ex3_7_lcmsQuantifiableHours`: the time after the dose, in h, at which the concentration
 * falls to the LLOQ (a number, or a quantity such as `unit("… h")`).
 *
 * Your numbers: variant("ex-3.7") (after setStudentId or workbook.json; exercise("ex-3.7") shows your prompt).
 *
 * Check: check("ex-3.7") in the notebook, or npm run check -- --only ex-3.7; answer unit [h]
 */
export const ex3_7_lcmsQuantifiableHours: number | Unit = notAttempted("ex-3.7");

/**
 * ex-3.8 (2 points) — What AMS adds
 *
 * Same microdose as ex-3.7, now measured by AMS with a quantitation limit of 0.02 pg/mL.
 *
 * Produce `ex3_8_extraHoursWithAms`: how many hours longer than LC-MS/MS the AMS assay can follow
 * the profile (a number, or a quantity such as `unit("… h")`).
 *
 * Your numbers: variant("ex-3.8") (after setStudentId or workbook.json; exercise("ex-3.8") shows your prompt).
 *
 * Check: check("ex-3.8") in the notebook, or npm run check -- --only ex-3.8; answer unit [h]
 */
export const ex3_8_extraHoursWithAms: number | Unit = notAttempted("ex-3.8");
