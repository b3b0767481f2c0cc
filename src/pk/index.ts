/**
 * Pharmacokinetic models. Every model takes quantities ("100 ug", "50 L", "0.35 1/h", a series of
 * times) and returns Units and series, or plain numbers in documented units: time [h],
 * dose/amount [mg], volume [L], concentration [mg/L], rate constants [1/h], clearance [L/h],
 * vmax [mg/L/h], km [mg/L]. Closed forms where they exist; a numerical path (with error
 * control) where they do not.
 */
export * from "./types";
export { PK_FIELDS, type PkField, type PkFieldKind, type PkQuantity, type WithUnits } from "./quantities";
export { ivBolusConcentration } from "./iv-bolus";
export { infusionConcentration } from "./infusion";
export { oralConcentration } from "./oral";
export {
  twoCompartmentConcentration,
  twoCompartmentMacroConstants,
  twoCompartmentMicroConstants,
  type TwoCompartmentConstants,
  type TwoCompartmentConstantsWithUnits,
  type TwoCompartmentMicroWithUnits,
  type TwoCompartmentDisposition,
  type TwoCompartmentMacro,
  type TwoCompartmentParams,
} from "./two-compartment";
export { multipleDoseConcentration, repeatedDoses } from "./multiple-dose";
export {
  steadyStateIvBolus,
  steadyStateInfusion,
  steadyStateOral,
  type SteadyStateIvBolusParams,
  type SteadyStateInfusionParams,
  type SteadyStateOralParams,
} from "./steady-state";
export { lambertW0 } from "./lambert-w";
export { michaelisMentenConcentration, michaelisMentenAucInf, type MichaelisMentenParams } from "./michaelis-menten";
export { simulateMichaelisMenten, type MichaelisMentenModel } from "./simulate-michaelis-menten";
export { integrate, type OdeRhs, type IntegrateOptions } from "./ode";
export {
  clearanceOverTime,
  simulateTimeVaryingClearance,
  type ClearanceOverTimeParams,
  type TimeVaryingClearanceModel,
} from "./time-varying-clearance";
export { simulateMechanismBasedInhibition, type MechanismBasedInhibitionModel } from "./mechanism-based-inhibition";
export { simulateAutoinduction, type AutoinductionModel } from "./autoinduction";
export {
  simulatePopulation,
  summarizePopulation,
  percentiles,
  type PopulationModel,
  type PopulationOptions,
  type PopulationOptionsWithUnits,
  type PopulationSubject,
  type PopulationSubjectWithUnits,
  type PopulationSummary,
  type PopulationSummaryWithUnits,
  type TypicalParams,
  type SubjectParams,
} from "./population";
