// Lint fixture (test/platform/lint-rules.test.ts): the other half of the deliberate import cycle.
import { double } from "./cycle-a";

export const half = (x: number): number => x / 2;
export const quadruple = (x: number): number => 2 * double(x);
