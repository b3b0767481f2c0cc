import type { PageEnv } from "../../site/headings";
import type { Output } from "../../../core/nbformat";
import type { RunStatus } from "../runtime/kernel";
import type { CellRef } from "../runtime/protocol";
import { answersZip, readAnswers } from "./answers";
import { LiveCell } from "./cell";
import type { LiveCourse, LivePage } from "./data";
import { livePageEnv, renderLiveOutputs } from "./render";
import type { EditStore } from "./store";
import { createStudentIdForm, showVariantNumbers } from "./student-id";
import { createToolbar, type Toolbar } from "./toolbar";

/**
 * The chapter page as a notebook: its code cells share one kernel and run in page order.
 * Run runs a cell, after the cells above it that have not run since the kernel started or
 * were edited since they ran (so an exercise is checked by running its check cell, as in
 * the notebook where check() re-reads the saved answer, and every cell above runs once);
 * Run all runs every cell and stops at the first error, as Jupyter does. Stop (or the
 * kernel's timeout) ends the run and the kernel's state. `document.body.dataset.live` is
 * "ready" once the editors are in place, "running" while cells run or wait, "idle" after.
 */

/** What the page needs of the kernel (LiveKernel; tests pass a fake). */
export interface PageKernel {
  run(code: string, cell: CellRef, onOutput: (output: Output) => void): Promise<RunStatus>;
  stop(): void;
  /** per-student variants: the id sent with every cell (LiveKernel has it; a fake may not) */
  setStudentId?(id: string | null): void;
}

export interface LiveNotebookOptions {
  doc: Document;
  page: LivePage;
  /** the course data (assets/live/course.js); null: no exercise prefill, no answers files */
  course: LiveCourse | null;
  kernel: PageKernel;
  store: EditStore;
  /** the site's assets/ folder: charts.js (the chart drawer), and KaTeX and markdown-it, loaded when an output needs them */
  assets: URL;
}

export class LiveNotebook {
  readonly cells: LiveCell[] = [];
  private readonly options: LiveNotebookOptions;
  private readonly env: PageEnv;
  private toolbar: Toolbar | undefined;
  /** the code each cell ran with since the kernel (re)started */
  private readonly ran = new Map<number, string>();
  private chain: Promise<void> = Promise.resolve();
  private pending = 0;
  /** bumped by Stop: queued runs of an older generation are dropped */
  private generation = 0;

  constructor(options: LiveNotebookOptions) {
    this.options = options;
    this.env = livePageEnv(options.doc);
  }

  /** Turns the page's code cells into editors and adds the toolbar. */
  mount(): void {
    const { doc, page, course, store } = this.options;
    const prefill = new Map(course?.exercises.map((e) => [e.id, e.prefill]) ?? []);
    for (const root of Array.from(doc.querySelectorAll<HTMLElement>("[data-cell-index]"))) {
      const pre = root.querySelector(":scope > pre.input");
      const built = (pre?.textContent ?? "").replace(/\s+$/, "");
      const exercise = root.dataset.exerciseRole === "work" ? root.dataset.exercise : undefined;
      const original = exercise !== undefined ? (prefill.get(exercise) ?? built) : built;
      const index = Number(root.dataset.cellIndex);
      const kept = exercise !== undefined ? store.answer(exercise) : store.cell(page.page, index, original);
      this.cells.push(
        new LiveCell({
          root,
          original,
          code: kept ?? original,
          onRun: (cell) => this.run(cell),
          onReset: (cell) => this.reset(cell),
          onChange: (cell, code) => this.keep(cell, code),
        }),
      );
    }
    this.toolbar = createToolbar(doc, {
      runAll: () => this.runAll(),
      stop: () => this.stop(),
      ...(course ? { download: () => this.download(course), load: (file: File) => void this.load(course, file) } : {}),
    });
    const main = doc.querySelector("main") ?? doc.body;
    const tools = main.querySelector(".chapter-tools");
    if (tools) tools.after(this.toolbar.element);
    else main.prepend(this.toolbar.element);
    this.mountStudentId(course);
    this.toolbar.say(`Live: ${this.cells.length} code cells. Edit any cell and run it (Shift+Enter).`);
    doc.body.dataset.live = "ready";
  }

  /** The student id form (per-student variants), when the course has varied exercises. */
  private mountStudentId(course: LiveCourse | null): void {
    const templates = course?.variants ?? {};
    if (Object.keys(templates).length === 0 || !this.toolbar) return;
    const { doc, kernel } = this.options;
    const storage = ((): Storage | undefined => {
      try {
        return doc.defaultView?.localStorage;
      } catch {
        return undefined;
      }
    })();
    const apply = (id: string | null): void => {
      kernel.setStudentId?.(id);
      showVariantNumbers(doc, templates, id);
    };
    const form = createStudentIdForm(doc, storage, apply);
    this.toolbar.element.append(form.element);
    apply(form.current);
  }

  /** Runs a cell (after the cells above it that have not run in this kernel yet). */
  run(cell: LiveCell): void {
    const above = this.cells.filter((c) => c.index < cell.index && this.ran.get(c.index) !== c.code);
    this.enqueue([...above, cell], false);
  }

  /** Runs every cell in order, stopping at the first error. */
  runAll(): void {
    this.enqueue(this.cells, true);
  }

  /** Ends the running cell and every waiting one; the kernel starts afresh on the next run. */
  stop(): void {
    this.generation++;
    this.options.kernel.stop();
    this.ran.clear();
    for (const c of this.cells) if (c.state === "queued") c.state = null;
    this.toolbar?.say("Stopped. The kernel restarted: the next run starts afresh.");
  }

  private reset(cell: LiveCell): void {
    cell.code = cell.original;
    if (cell.exercise !== null) this.options.store.forgetAnswer(cell.exercise);
    else this.options.store.forgetCell(this.options.page.page, cell.index);
    this.toolbar?.say(`${cell.ref.label} reset to its original code.`);
  }

  private keep(cell: LiveCell, code: string): void {
    const { store, page } = this.options;
    if (cell.exercise !== null) {
      if (code === cell.original) store.forgetAnswer(cell.exercise);
      else store.saveAnswer(cell.exercise, code);
    } else if (code === cell.original) store.forgetCell(page.page, cell.index);
    else store.saveCell(page.page, cell.index, cell.original, code);
  }

  private enqueue(cells: readonly LiveCell[], stopOnError: boolean): void {
    if (cells.length === 0) return;
    for (const c of cells) c.state = "queued";
    const generation = this.generation;
    this.pending++;
    this.setBusy(true);
    this.chain = this.chain
      .then(async () => {
        for (const [i, cell] of cells.entries()) {
          if (generation !== this.generation) return;
          const status = await this.execute(cell);
          if (status === "stopped" || status === "timeout" || (status === "error" && stopOnError)) {
            for (const rest of cells.slice(i + 1)) if (rest.state === "queued") rest.state = null;
            if (status === "error") this.toolbar?.say(`${cell.ref.label} failed; the cells after it did not run.`);
            return;
          }
        }
        if (generation === this.generation) this.toolbar?.say("Done.");
      })
      .catch((error: unknown) => console.error(error))
      .finally(() => {
        this.pending--;
        if (this.pending === 0) this.setBusy(false);
      });
  }

  private async execute(cell: LiveCell): Promise<RunStatus> {
    const outputs: Output[] = [];
    let frame = 0;
    const draw = (): void => {
      frame = 0;
      renderLiveOutputs(cell.outputs, outputs, this.env, this.options.assets);
    };
    cell.state = "running";
    this.toolbar?.say(`Running ${cell.ref.label}…`);
    draw();
    const code = cell.code;
    this.ran.set(cell.index, code);
    const status = await this.options.kernel.run(code, cell.ref, (output) => {
      outputs.push(output);
      frame ||= requestAnimationFrame(draw); // one redraw per frame however much a loop prints
    });
    if (status === "stopped") {
      outputs.push({
        output_type: "error",
        ename: "Stopped",
        evalue: `${cell.ref.label} was stopped. The kernel restarted: the next run starts afresh.`,
        traceback: [],
      });
    }
    if (frame) cancelAnimationFrame(frame);
    draw();
    cell.state = status;
    if (status === "stopped" || status === "timeout") this.ran.clear();
    return status;
  }

  private setBusy(busy: boolean): void {
    this.options.doc.body.dataset.live = busy ? "running" : "idle";
    this.toolbar?.setBusy(busy);
  }

  private download(course: LiveCourse): void {
    const { doc, store } = this.options;
    const zip = answersZip(course, store.answers());
    const url = URL.createObjectURL(new Blob([zip as BlobPart], { type: "application/zip" }));
    const link = doc.createElement("a");
    link.href = url;
    link.download = "my-answers.zip";
    link.hidden = true;
    doc.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    this.toolbar?.say("Saved my-answers.zip: hand it in as it is (it holds exercises/ch01.ts … for the grader).");
  }

  private async load(course: LiveCourse, file: File): Promise<void> {
    try {
      const { answers, files } = readAnswers(course, file.name, new Uint8Array(await file.arrayBuffer()));
      for (const [id, code] of Object.entries(answers)) this.options.store.saveAnswer(id, code);
      for (const cell of this.cells)
        if (cell.exercise !== null && answers[cell.exercise] !== undefined) cell.code = answers[cell.exercise];
      const count = Object.keys(answers).length;
      this.toolbar?.say(
        `Loaded ${count} answer${count === 1 ? "" : "s"} from ${files.map((f) => `exercises/${f}.ts`).join(", ")}.`,
      );
    } catch (error) {
      this.toolbar?.say(`Could not load ${file.name}: ${(error as Error).message}`);
    }
  }
}
