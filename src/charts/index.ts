/**
 * Charts: vega-lite v5 spec builders with one theme, server-side SVG rendering, and
 * `show()` for notebooks. Builders take plain arrays in documented units and return specs
 * with a title and an accessible description.
 */
export { chartTheme, axisTitle, okabeIto, seriesColorScale } from "./theme";
export { type ChartSpec, chartDescription, chartTitle, vegaLiteSchema } from "./spec";
export { compileChart, renderSvg, type CompileReport } from "./renderSvg";
export { show, displayBundle, vegaLiteMimeType, type DisplayBundle } from "./show";
export { markdownImage } from "./markdownImage";
export {
  concentrationTimeChart,
  type ChartConcentrationProfile,
  type ConcentrationTimeChartOptions,
  type ChartDoseMark,
  type ChartReferenceLine,
} from "./concentrationTimeChart";
export { occupancyChart, type OccupancyChartOptions, type OccupancyChartSeries } from "./occupancyChart";
export {
  doseProportionalityChart,
  type DoseProportionalityChartOptions,
  type ChartPowerModelFit,
} from "./doseProportionalityChart";
export {
  clearanceConcentrationChart,
  type ClearanceConcentrationChartOptions,
  type ClearanceChartSeries,
} from "./clearanceConcentrationChart";
export {
  clearanceTimeChart,
  type ClearanceTimeChartOptions,
  type ClearanceTimeChartSeries,
} from "./clearanceTimeChart";
export { amsPrecisionChart, type AmsPrecisionChartOptions, type AmsPrecisionChartSeries } from "./amsPrecisionChart";
export {
  troughOccupancyChart,
  type TroughOccupancyChartOptions,
  type TroughOccupancyChartSeries,
} from "./troughOccupancyChart";
export { populationChart, type PopulationChartOptions } from "./populationChart";
export { barChart, type BarChartOptions, type ChartBar } from "./barChart";
export {
  contentUniformityChart,
  type ContentUniformityChartOptions,
  type ContentUniformityChartSeries,
} from "./contentUniformityChart";
export { predictivityChart, type PredictivityChartOptions, type PredictivityChartCompound } from "./predictivityChart";
export { massBalanceChart, type MassBalanceChartOptions } from "./massBalanceChart";
export { type WhatIfSlider } from "./whatIfSlider";
export {
  occupancyWhatIfChart,
  type OccupancyWhatIfChartOptions,
  type OccupancyWhatIfMark,
} from "./occupancyWhatIfChart";
export { oralProfileWhatIfChart, type OralProfileWhatIfChartOptions } from "./oralProfileWhatIfChart";
export { clearanceWhatIfChart, type ClearanceWhatIfChartOptions } from "./clearanceWhatIfChart";
export { amsPrecisionWhatIfChart, type AmsPrecisionWhatIfChartOptions } from "./amsPrecisionWhatIfChart";
