/**
 * Chapter 2 — Principles: the regulatory microdose, occupancy, linearity, saturable and
 * time-dependent pharmacokinetics.
 * Write each answer in place of `notAttempted(...)`; run `check("ex-2.1")` in the notebook
 * or `npm run check` to see how you did.
 */
import { math, toMolarConcentration, unit, type Unit } from "../src";
import { variant } from "../src/workbook/catalog/data";
import { notAttempted } from "../src/workbook/not-attempted";

/**
 * ex-2.1 (2 points) — Maximum microdose
 *
 * Preclinical data put the minimum pharmacologically active dose of a small molecule at D_min =
 * 4.5 mg.
 *
 * Produce `ex2_1_maxMicrodoseUg`: the maximum allowable microdose, in µg (a number, or a mathjs
 * Unit).
 *
 * Your numbers: variant("ex-2.1") (after setStudentId or workbook.json; exercise("ex-2.1") shows your prompt).
 *
 * Check: check("ex-2.1") in the notebook, or npm run check -- --only ex-2.1; answer unit [ug]
 */
export const ex2_1_maxMicrodoseUg: number | Unit = notAttempted("ex-2.1");

/**
 * ex-2.2 (2 points) — Administered, not bioavailable
 *
 * An oral candidate has D_min = 6 mg and an estimated oral bioavailability F = 0.3. The team
 * proposes to give as much drug as the microdose definition allows.
 *
 * Produce `ex2_2_maxOralMicrodoseUg`: the largest oral dose to administer, in µg (a number, or a
 * quantity such as `unit("… ug")`).
 *
 * Your numbers: variant("ex-2.2") (after setStudentId or workbook.json; exercise("ex-2.2") shows your prompt).
 *
 * Check: check("ex-2.2") in the notebook, or npm run check -- --only ex-2.2; answer unit [ug]
 */
export const ex2_2_maxOralMicrodoseUg: number | Unit = notAttempted("ex-2.2");

/**
 * ex-2.3 (3 points) — The microdose limit as a function
 *
 * Implement `microdoseLimit(minActiveDose, molecularWeight)`: the maximum microdose (a mass) for a
 * compound whose minimum pharmacologically active dose is the mass `minActiveDose` (e.g. `unit("20
 * mg")`, in mg, µg or g). `molecularWeight` is `null` for a small molecule (cap 100 µg) or the
 * molecular weight of a protein (e.g. `unit("150000 g/mol")`, cap 30 nmol). The 1/100 rule applies
 * to both. Return a mass; it is checked in µg.
 *
 * Check: check("ex-2.3") in the notebook, or npm run check -- --only ex-2.3; answer unit [ug]
 */
export function microdoseLimit(minActiveDose: Unit, molecularWeight: Unit | null): Unit {
  return notAttempted("ex-2.3");
}

/**
 * ex-2.4 (2 points) — Therapeutic receptor occupancy
 *
 * A drug binds its receptor with K_d = 3 nM and has a fraction unbound in plasma f_u = 0.08. The
 * therapeutic regimen reaches a peak total plasma concentration of 60 nM.
 *
 * Produce `ex2_4_peakOccupancy`: the peak receptor occupancy as a fraction between 0 and 1.
 *
 * Your numbers: variant("ex-2.4") (after setStudentId or workbook.json; exercise("ex-2.4") shows your prompt).
 *
 * Check: check("ex-2.4") in the notebook, or npm run check -- --only ex-2.4
 */
export const ex2_4_peakOccupancy: number = notAttempted("ex-2.4");

/**
 * ex-2.5 (3 points) — Occupancy at a microdose, from ng/mL
 *
 * A microdose gives a peak total plasma concentration of 0.12 ng/mL of a drug with molecular
 * weight 450 g/mol, f_u = 0.1 and K_d = 5 nM.
 *
 * Produce `ex2_5_microdoseOccupancyPercent`: the peak receptor occupancy in percent.
 *
 * Your numbers: variant("ex-2.5") (after setStudentId or workbook.json; exercise("ex-2.5") shows your prompt).
 *
 * Check: check("ex-2.5") in the notebook, or npm run check -- --only ex-2.5
 */
export const ex2_5_microdoseOccupancyPercent: number = notAttempted("ex-2.5");

/**
 * ex-2.6 (3 points) — AUC under saturable elimination
 *
 * For a one-compartment IV bolus with Michaelis–Menten elimination, dC/dt = −V_max·C/(K_m + C),
 * the exposure has a closed form. Implement `michaelisMentenAuc(dose, volume, vmax, km)`: the AUC
 * from 0 to infinity, with C0 = dose/volume. The arguments are quantities: a mass dose (e.g.
 * `unit("100 mg")`), a volume (`"50 L"`), V_max as a concentration per time (`"0.5 mg/L/h"`) and
 * K_m as a concentration (`"1 mg/L"`, or the same in µg/mL). Return an exposure (concentration ×
 * time); it is checked in mg·h/L. (Hint: AUC = ∫C dt = ∫ C · dt/dC dC.)
 *
 * Check: check("ex-2.6") in the notebook, or npm run check -- --only ex-2.6; answer unit [mg*h/L]
 */
export function michaelisMentenAuc(dose: Unit, volume: Unit, vmax: Unit, km: Unit): Unit {
  return notAttempted("ex-2.6");
}

/**
 * ex-2.7 (3 points) — Linear extrapolation under saturation
 *
 * A drug is eliminated by one saturable enzyme: K_m = 0.8 mg/L, V_max = 0.45 mg/L/h, one
 * compartment with V = 42 L, given as an IV bolus. A 100 µg microdose was studied; the therapeutic
 * dose will be 120 mg.
 *
 * Produce `ex2_7_therapeuticAucMgHPerL`: the true AUC from 0 to infinity of the 120 mg dose, in
 * mg·h/L (a number, or a quantity such as `unit("… mg h/L")`).
 *
 * Your numbers: variant("ex-2.7") (after setStudentId or workbook.json; exercise("ex-2.7") shows your prompt).
 *
 * Check: check("ex-2.7") in the notebook, or npm run check -- --only ex-2.7; answer unit [mg*h/L]
 */
export const ex2_7_therapeuticAucMgHPerL: number | Unit = notAttempted("ex-2.7");

/**
 * ex-2.8 (3 points) — When clearance falls with time
 *
 * A microdose measured the clearance CL0 = 16 L/h of a mechanism-based inhibitor of its own
 * metabolism. At the therapeutic dose (50 mg IV bolus, one compartment, V = 80 L) clearance
 * follows CL(t) = CL_ss + (CL0 − CL_ss)·e^(−βt) with CL_ss = 6 L/h and β = 0.15 1/h.
 *
 * Produce `ex2_8_aucRatio`: the true AUC(0–∞) divided by the linear prediction dose/CL0
 * (dimensionless).
 *
 * Your numbers: variant("ex-2.8") (after setStudentId or workbook.json; exercise("ex-2.8") shows your prompt).
 *
 * Check: check("ex-2.8") in the notebook, or npm run check -- --only ex-2.8
 */
export const ex2_8_aucRatio: number = notAttempted("ex-2.8");
