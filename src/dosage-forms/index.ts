export {
  CONTENT_UNIFORMITY,
  acceptanceValue,
  type AcceptanceValueOptions,
  type AcceptanceValueResult,
} from "./acceptance-value";
export {
  contentUniformityTest,
  type ContentUniformityOptions,
  type ContentUniformityVerdict,
} from "./content-uniformity-test";
export { particlesPerUnit, maxParticleDiameter } from "./particles";
export {
  simulateContentUniformity,
  type ContentUniformitySimulationInput,
  type ContentUniformitySimulation,
} from "./simulate-content-uniformity";
export { MICROGRAM_DOSAGE_FORMS, type MicrogramDosageForm } from "./microgram-dosage-forms";
