import { randomInt } from "node:crypto";
import { relative } from "node:path";
import fc from "fast-check";
import { expect } from "vitest";

/**
 * Reproducible property tests (issue 12). Every property runs through `assertProperty`:
 * - CI (`npm test`, no environment variables): a fixed seed per property, derived from the test's
 *   name, and the property's own `numRuns` — the same cases on every run and every machine.
 * - Fuzzing (`npm run test:fuzz`, i.e. FUZZ=1): a fresh random seed per property (printed before
 *   it runs) and FUZZ_RUNS cases (default 100 × numRuns). FUZZ_SEED=n fixes the seed instead.
 * - Replay: FC_SEED=n [FC_PATH=p] runs one property from that seed (and shrink path), as printed
 *   by a failure.
 * A failure reports the seed, the path, the counterexample and the command that replays it.
 */

/** True under `npm run test:fuzz` (FUZZ=1 or FUZZ_RUNS set). */
export const FUZZ = process.env.FUZZ !== undefined || process.env.FUZZ_RUNS !== undefined;

/** Default multiplier of numRuns when fuzzing without FUZZ_RUNS. */
export const FUZZ_FACTOR = 100;

/** 32-bit FNV-1a hash: a stable seed from a test name (so CI seeds do not shift when tests are added). */
export function seedFromName(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

function integerEnv(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return undefined;
  const value = Number(raw);
  if (!Number.isSafeInteger(value))
    throw new Error(`test/support/properties: ${name} must be an integer; received ${JSON.stringify(raw)}`);
  return value;
}

/** The fast-check run parameters for the current test (seed, numRuns, optional replay path). */
export function propertyParameters(
  numRuns: number,
  name = expect.getState().currentTestName ?? "property",
): { seed: number; numRuns: number; path?: string } {
  const replaySeed = integerEnv("FC_SEED");
  if (replaySeed !== undefined) {
    const path = process.env.FC_PATH;
    return path ? { seed: replaySeed, numRuns, path } : { seed: replaySeed, numRuns };
  }
  if (FUZZ) {
    const seed = integerEnv("FUZZ_SEED") ?? randomInt(-(2 ** 31), 2 ** 31 - 1);
    const runs = integerEnv("FUZZ_RUNS") ?? FUZZ_FACTOR * numRuns;
    console.log(`[fuzz] ${name}: seed ${seed}, ${runs} runs`);
    return { seed, numRuns: runs };
  }
  return { seed: seedFromName(name), numRuns };
}

/**
 * fc.assert with a reproducible seed (see the module comment). Use inside `it(...)`.
 * @param property an fc.property (synchronous)
 * @param options.numRuns cases in CI (default 100, fast-check's own default)
 */
export function assertProperty<Ts>(property: fc.IProperty<Ts>, { numRuns = 100 }: { numRuns?: number } = {}): void {
  const state = expect.getState();
  const name = state.currentTestName ?? "property";
  const params = propertyParameters(numRuns, name);
  const details = fc.check(property, params);
  if (!details.failed) return;
  const file = state.testPath ? relative(process.cwd(), state.testPath) : "<test file>";
  const replay = `FC_SEED=${details.seed}${details.counterexamplePath ? ` FC_PATH=${details.counterexamplePath}` : ""} npx vitest run ${file} -t ${JSON.stringify(state.currentTestName?.split(" > ").pop() ?? name)}`;
  const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  throw new Error(
    `${fc.defaultReportMessage(details)}\ncause: ${cause}\nseed ${details.seed}, path ${details.counterexamplePath ?? "(none)"}\nreplay: ${replay}`,
  );
}
