export { projectDailyDose, type DoseProjectionInput, type DoseProjection } from "./project-daily-dose";
export {
  RADIATION_REFERENCES,
  effectiveDoseFromActivity,
  activityForEffectiveDose,
  compareRadiationDose,
  radiationRisk,
  type RadiationComparison,
} from "./radiation";
export { phase0RiskBenefit, type RiskBenefitInput, type RiskBenefitResult } from "./risk-benefit";
