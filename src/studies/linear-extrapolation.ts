import { math, quantity, type QuantityInput, type Unit } from "../core/units";

/**
 * The primary deliverable of a microdose study: the therapeutic exposure predicted by
 * proportional scaling, AUC_T,pred = AUC_micro · D_T / D_micro. Valid only if CL, V, F and
 * ka are the same at both doses (linear PK); see michaelisMentenExtrapolation and
 * mechanismBasedInhibitionExtrapolation for how far off it is when they are not.
 *
 * @param microDose the microdose [mass]
 * @param microAuc AUC measured after the microdose [mass conc × time]
 * @param therapeuticDose the dose to predict for [mass]
 * @returns the predicted AUC, a Unit in the units of microAuc
 * @throws {InputError} when a dose is not a positive mass or the AUC not a non-negative AUC
 * @example linearExtrapolation("100 ug", "2 ng*h/mL", "100 mg").toNumber("ng*h/mL") // => 2000
 * @see 001_079d5926d130f870.txt, "Dose-Proportionality and Extrapolation"
 */
export function linearExtrapolation(
  microDose: QuantityInput,
  microAuc: QuantityInput,
  therapeuticDose: QuantityInput,
): Unit {
  const fn = "linearExtrapolation";
  const dm = quantity(fn, "microDose", microDose, "mass", { allowZero: false }).toNumber("g");
  const auc = quantity(fn, "microAuc", microAuc, "auc");
  const dt = quantity(fn, "therapeuticDose", therapeuticDose, "mass", { allowZero: false }).toNumber("g");
  return math.multiply(auc, dt / dm) as Unit;
}
