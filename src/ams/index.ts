export { C14, maxSpecificActivityPerLabel } from "./constants";
export { activityFromAtoms, atomsFromActivity } from "./decay";
export { poissonRelativePrecision, countsForPrecision } from "./countingStatistics";
export { labelFractionFromSpecificActivity, type LabelOptions } from "./label";
export { c14AtomsInSample, type SampleInput, type SampleAtoms } from "./c14AtomsInSample";
export {
  lowestQuantifiableConcentration,
  type QuantificationInput,
  type QuantificationLimit,
} from "./lowestQuantifiableConcentration";
export { modernCarbonC14 } from "./modernCarbon";
