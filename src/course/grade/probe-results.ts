// What running a submission's probes has found so far: an outcome per probe, a state per exercises file.
import type { ChapterFile, Outcome, Probe } from "../../workbook/types";
import { probeKey } from "../../workbook/verdict";
import type { ExercisePlan } from "./plan";
import type { Submission } from "./submissions";

/** The public probes run before any hidden one, in two passes over the plans. */
export type Phase = "public" | "hidden";

export const probesOf = (plan: ExercisePlan, phase: Phase): Probe[] =>
  phase === "public" ? plan.publicProbes : plan.hiddenProbes;

/**
 * A file can be asked for answers (loaded at least once? how often it stopped the process?
 * skipped from now on, and why?) or not (why not: it did not compile, is missing, or failed to load).
 */
export type FileState =
  { ok: true; loadedOnce: boolean; stops: number; skip?: string } | { ok: false; message: string };

export class ProbeResults {
  private readonly outcomes = new Map<string, Outcome>();
  private readonly files = new Map<ChapterFile, FileState>();

  /** @param compileErrors the private copy's: exercises-relative .ts path → message */
  constructor(
    private readonly sub: Submission,
    private readonly compileErrors: ReadonlyMap<string, string>,
  ) {}

  /** The state of a file, first decided from the submission and the compile errors. */
  fileState(file: ChapterFile): FileState {
    let state = this.files.get(file);
    if (!state) {
      const rel = `${file}.ts`;
      const compileError = this.compileErrors.get(rel);
      if (compileError !== undefined) state = { ok: false, message: compileError };
      else if (!this.sub.files.has(rel)) state = { ok: false, message: `exercises/${rel} is not in the submission` };
      else state = { ok: true, loadedOnce: false, stops: 0 };
      this.files.set(file, state);
    }
    return state;
  }

  /** Marks a file as not loadable: none of its exercises is asked again; the message becomes a notice. */
  failFile(file: ChapterFile, message: string): void {
    this.files.set(file, { ok: false, message });
  }

  set(probe: Probe, outcome: Outcome): void {
    this.outcomes.set(probeKey(probe), outcome);
  }

  /** Every probe of the plan in this phase gets the same error. */
  failAll(plan: ExercisePlan, phase: Phase, message: string): void {
    for (const p of probesOf(plan, phase)) this.set(p, { kind: "error", message });
  }

  /** The outcome of a probe; one that was never run is an error naming the export. */
  outcomeOf(probe: Probe, exportName: string): Outcome {
    return this.outcomes.get(probeKey(probe)) ?? { kind: "error", message: `${exportName}: not run` };
  }

  /** Why files failed to load (compile errors excluded: they are already notices), in the order the files were first asked. */
  loadFailures(): string[] {
    return [...this.files].flatMap(([file, state]) =>
      !state.ok && !this.compileErrors.has(`${file}.ts`) ? [state.message] : [],
    );
  }
}
