export { MICRODOSE_LIMITS, MODALITIES, type Modality } from "./microdose-limits";
export { maxMicrodose, type MicrodoseOptions } from "./max-microdose";
export { classifyMicrodose, type ClassifyMicrodoseOptions, type MicrodoseClassification } from "./classify-microdose";
export { EXPLORATORY_APPROACHES, type ExploratoryApproach } from "./exploratory-approaches";
export {
  checkExploratorySchedule,
  type ScheduledDose,
  type ExploratoryScheduleOptions,
  type ScheduleCheck,
} from "./check-exploratory-schedule";
