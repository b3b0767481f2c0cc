export { C14, maxSpecificActivityPerLabel } from "./constants";
export { activityFromAtoms, atomsFromActivity } from "./decay";
export { poissonRelativePrecision, countsForPrecision } from "./counting-statistics";
export { labelFractionFromSpecificActivity, type LabelOptions } from "./label";
export { c14AtomsInSample, type SampleInput, type SampleAtoms } from "./c14-atoms-in-sample";
export {
  lowestQuantifiableConcentration,
  type QuantificationInput,
  type QuantificationLimit,
} from "./lowest-quantifiable-concentration";
export { modernCarbonC14 } from "./modern-carbon";
