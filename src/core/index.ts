export { InputError } from "./errors";
export { series, inUnits, type Series, type SeriesInput } from "./series";
export * from "./units";
export { createRandom, type Random } from "./random";
