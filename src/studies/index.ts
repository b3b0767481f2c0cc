export { apparentClearance } from "./apparent-clearance";
export { halfLifeFromLambdaZ } from "./half-life-from-lambda-z";
export {
  microdoseAloneStudy,
  type MicrodoseAloneInput,
  type MicrodoseAloneResult,
  type ClearanceInterpretation,
} from "./microdose-alone-study";
export { systemicClearance } from "./systemic-clearance";
export { absoluteBioavailability, type BioavailabilityInput } from "./absolute-bioavailability";
export { bioavailabilityFromClearances } from "./bioavailability-from-clearances";
export { ivMicrotracerStudy, type IvMicrotracerInput, type IvMicrotracerResult } from "./iv-microtracer-study";
export { studentTCdf, studentTQuantile, regularizedIncompleteBeta } from "./student-t";
export {
  doseProportionality,
  type DoseProportionalityOptions,
  type DoseProportionalityResult,
  type DoseProportionalityQuantityResult,
} from "./dose-proportionality";
export { linearExtrapolation } from "./linear-extrapolation";
export { saturableClearance, relativeClearance } from "./saturable-clearance";
export {
  michaelisMentenExtrapolation,
  type MichaelisMentenExtrapolationInput,
  type ExtrapolationError,
  type MichaelisMentenExtrapolationQuantityInput,
  type ExtrapolationErrorWithUnits,
} from "./michaelis-menten-extrapolation";
export {
  mechanismBasedInhibitionExtrapolation,
  type MechanismBasedInhibitionExtrapolationInput,
  type MechanismBasedInhibitionExtrapolationError,
  type MechanismBasedInhibitionExtrapolationQuantityInput,
  type MechanismBasedInhibitionExtrapolationErrorWithUnits,
} from "./mechanism-based-inhibition-extrapolation";
export { foldError } from "./fold-error";
export { predictivity, type PredictivityOptions, type PredictivityResult } from "./predictivity";
