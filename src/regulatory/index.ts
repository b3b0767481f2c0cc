export { MICRODOSE_LIMITS, MODALITIES, type Modality } from "./microdoseLimits";
export { maxMicrodose, type MicrodoseOptions } from "./maxMicrodose";
export { classifyMicrodose, type ClassifyMicrodoseOptions, type MicrodoseClassification } from "./classifyMicrodose";
export { EXPLORATORY_APPROACHES, type ExploratoryApproach } from "./exploratoryApproaches";
export {
  checkExploratorySchedule,
  type ScheduledDose,
  type ExploratoryScheduleOptions,
  type ScheduleCheck,
} from "./checkExploratorySchedule";
