/**
 * Charts: vega-lite v5 spec builders with one theme, server-side SVG rendering, and
 * `show()` for notebooks. Builders take plain arrays in documented units and return specs
 * with a title and an accessible description.
 */
export { chartTheme, axisTitle, okabeIto } from "./theme";
export { type ChartSpec, chartDescription, chartTitle, vegaLiteSchema } from "./spec";
export { compileChart, renderSvg, type CompileReport } from "./renderSvg";
export { show, displayBundle, vegaLiteMimeType, type DisplayBundle } from "./show";
export { concentrationTimeChart, type ChartConcentrationProfile, type ConcentrationTimeChartOptions, type ChartDoseMark } from "./concentrationTimeChart";
export { occupancyChart, type OccupancyChartOptions, type OccupancyChartSeries } from "./occupancyChart";
export { doseProportionalityChart, type DoseProportionalityChartOptions, type ChartPowerModelFit } from "./doseProportionalityChart";
export { clearanceConcentrationChart, type ClearanceConcentrationChartOptions, type ClearanceChartSeries } from "./clearanceConcentrationChart";
export { clearanceTimeChart, type ClearanceTimeChartOptions, type ClearanceTimeChartSeries } from "./clearanceTimeChart";
export { amsPrecisionChart, type AmsPrecisionChartOptions, type AmsPrecisionChartSeries } from "./amsPrecisionChart";
export { troughOccupancyChart, type TroughOccupancyChartOptions, type TroughOccupancyChartSeries } from "./troughOccupancyChart";
export { populationChart, type PopulationChartOptions } from "./populationChart";
