export {
  CONTENT_UNIFORMITY,
  acceptanceValue,
  type AcceptanceValueOptions,
  type AcceptanceValueResult,
} from "./acceptanceValue";
export {
  contentUniformityTest,
  type ContentUniformityOptions,
  type ContentUniformityVerdict,
} from "./contentUniformityTest";
export { particlesPerUnit, maxParticleDiameter } from "./particles";
export {
  simulateContentUniformity,
  type ContentUniformitySimulationInput,
  type ContentUniformitySimulation,
} from "./simulateContentUniformity";
export { MICROGRAM_DOSAGE_FORMS, type MicrogramDosageForm } from "./microgramDosageForms";
