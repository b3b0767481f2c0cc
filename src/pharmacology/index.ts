export { receptorOccupancy } from "./receptor-occupancy";
export { unboundConcentration } from "./unbound-concentration";
export { concentrationForOccupancy } from "./concentration-for-occupancy";
export { petOccupancy } from "./pet-occupancy";
export {
  fitOccupancyModel,
  type OccupancyFit,
  type OccupancyFitOptions,
  type OccupancyFitWithUnits,
} from "./fit-occupancy-model";
