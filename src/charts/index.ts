/**
 * Charts: vega-lite v5 spec builders with one theme, server-side SVG rendering, and
 * `show()` for notebooks. Builders take plain arrays in documented units and return specs
 * with a title and an accessible description.
 */
export { chartTheme, axisTitle, okabeIto, seriesColorScale } from "./theme";
export { type ChartSpec, chartDescription, chartTitle, vegaLiteSchema } from "./spec";
export { compileChart, renderSvg, type CompileReport } from "./render-svg";
export { show, displayBundle, vegaLiteMimeType, type DisplayBundle } from "./show";
export { markdownImage } from "./markdown-image";
export {
  concentrationTimeChart,
  type ChartConcentrationProfile,
  type ConcentrationTimeChartOptions,
  type ChartDoseMark,
  type ChartReferenceLine,
} from "./concentration-time-chart";
export { occupancyChart, type OccupancyChartOptions, type OccupancyChartSeries } from "./occupancy-chart";
export {
  doseProportionalityChart,
  type DoseProportionalityChartOptions,
  type ChartPowerModelFit,
} from "./dose-proportionality-chart";
export {
  clearanceConcentrationChart,
  type ClearanceConcentrationChartOptions,
  type ClearanceChartSeries,
} from "./clearance-concentration-chart";
export {
  clearanceTimeChart,
  type ClearanceTimeChartOptions,
  type ClearanceTimeChartSeries,
} from "./clearance-time-chart";
export { amsPrecisionChart, type AmsPrecisionChartOptions, type AmsPrecisionChartSeries } from "./ams-precision-chart";
export {
  troughOccupancyChart,
  type TroughOccupancyChartOptions,
  type TroughOccupancyChartSeries,
} from "./trough-occupancy-chart";
export { populationChart, type PopulationChartOptions } from "./population-chart";
export { barChart, type BarChartOptions, type ChartBar } from "./bar-chart";
export {
  contentUniformityChart,
  type ContentUniformityChartOptions,
  type ContentUniformityChartSeries,
} from "./content-uniformity-chart";
export { predictivityChart, type PredictivityChartOptions, type PredictivityChartCompound } from "./predictivity-chart";
export { massBalanceChart, type MassBalanceChartOptions } from "./mass-balance-chart";
export { type WhatIfSlider } from "./what-if-slider";
export {
  occupancyWhatIfChart,
  type OccupancyWhatIfChartOptions,
  type OccupancyWhatIfMark,
} from "./occupancy-what-if-chart";
export { oralProfileWhatIfChart, type OralProfileWhatIfChartOptions } from "./oral-profile-what-if-chart";
export { clearanceWhatIfChart, type ClearanceWhatIfChartOptions } from "./clearance-what-if-chart";
export { amsPrecisionWhatIfChart, type AmsPrecisionWhatIfChartOptions } from "./ams-precision-what-if-chart";
