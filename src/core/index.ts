export { InputError } from "./errors";
export * from "./units";
export { createRandom, type Random } from "./random";
