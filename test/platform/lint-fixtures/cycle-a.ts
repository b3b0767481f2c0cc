// Lint fixture (test/platform/lint-rules.test.ts): half of a deliberate import cycle. Ignored by `npm run lint`.
import { half } from "./cycle-b";

export const double = (x: number): number => 4 * half(x);
