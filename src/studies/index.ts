export { apparentClearance } from "./apparentClearance";
export { halfLifeFromLambdaZ } from "./halfLifeFromLambdaZ";
export {
  microdoseAloneStudy,
  type MicrodoseAloneInput,
  type MicrodoseAloneResult,
  type ClearanceInterpretation,
} from "./microdoseAloneStudy";
export { systemicClearance } from "./systemicClearance";
export { absoluteBioavailability, type BioavailabilityInput } from "./absoluteBioavailability";
export { bioavailabilityFromClearances } from "./bioavailabilityFromClearances";
export { ivMicrotracerStudy, type IvMicrotracerInput, type IvMicrotracerResult } from "./ivMicrotracerStudy";
export { studentTCdf, studentTQuantile, regularizedIncompleteBeta } from "./studentT";
export {
  doseProportionality,
  type DoseProportionalityOptions,
  type DoseProportionalityResult,
} from "./doseProportionality";
export { linearExtrapolation } from "./linearExtrapolation";
export { saturableClearance, relativeClearance } from "./saturableClearance";
export {
  michaelisMentenExtrapolation,
  type MichaelisMentenExtrapolationInput,
  type ExtrapolationError,
} from "./michaelisMentenExtrapolation";
export {
  mechanismBasedInhibitionExtrapolation,
  type MechanismBasedInhibitionExtrapolationInput,
  type MechanismBasedInhibitionExtrapolationError,
} from "./mechanismBasedInhibitionExtrapolation";
export { foldError } from "./foldError";
export { predictivity, type PredictivityOptions, type PredictivityResult } from "./predictivity";
