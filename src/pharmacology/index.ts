export { receptorOccupancy } from "./receptorOccupancy";
export { unboundConcentration } from "./unboundConcentration";
export { concentrationForOccupancy } from "./concentrationForOccupancy";
export { petOccupancy } from "./petOccupancy";
export { fitOccupancyModel, type OccupancyFit, type OccupancyFitOptions } from "./fitOccupancyModel";
