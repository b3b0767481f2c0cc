import type { EditorView } from "@codemirror/view";
import type { CellRef } from "../runtime/kernel";
import { createCellEditor, setEditorText } from "./editor";

/**
 * One live code cell. The page is built with the cell's code pre-rendered and highlighted
 * (`<pre class="input">`) and its executed outputs; when the script runs, the code becomes
 * an editor and the cell gets its Run and Reset cell buttons. Outputs of the build stay
 * until the cell runs. The root keeps `data-cell-index` (position among the page's code
 * cells, from 0) and gets `data-state`: queued, running, ok, error, stopped or timeout.
 */
export type CellState = "queued" | "running" | "ok" | "error" | "stopped" | "timeout";

export interface LiveCellOptions {
  root: HTMLElement;
  /** the code the cell starts from (and Reset cell restores) */
  original: string;
  /** the code to show now (a kept edit, or the original) */
  code: string;
  onRun: (cell: LiveCell) => void;
  onReset: (cell: LiveCell) => void;
  onChange: (cell: LiveCell, code: string) => void;
}

export class LiveCell {
  readonly root: HTMLElement;
  readonly index: number;
  readonly original: string;
  /** the exercise whose work cell this is, if any */
  readonly exercise: string | null;
  readonly ref: CellRef;
  readonly outputs: HTMLElement;
  private readonly editor: EditorView;

  constructor(options: LiveCellOptions) {
    const { root } = options;
    this.root = root;
    this.index = Number(root.dataset.cellIndex);
    this.original = options.original;
    this.exercise = root.dataset.exerciseRole === "work" ? (root.dataset.exercise ?? null) : null;
    this.ref = { index: this.index, label: `Cell ${this.index + 1}` };

    const tools = document.createElement("div");
    tools.className = "live-cell-tools";
    tools.setAttribute("role", "group");
    tools.setAttribute("aria-label", this.ref.label);
    tools.append(
      button("Run", "live-run", () => options.onRun(this)),
      button("Reset cell", "live-reset", () => options.onReset(this)),
    );
    const status = document.createElement("span");
    status.className = "live-cell-status";
    tools.append(status);

    const host = document.createElement("div");
    host.className = "live-editor";
    // The editor is made while its host is out of the page: CodeMirror reads the document's
    // selection when it starts in a connected element, which makes Chromium lay out the whole
    // page, once per editor (≈ 0.6 s for chapter 02's 48 cells on a loaded 2-core machine).
    this.editor = createCellEditor({
      parent: host,
      doc: options.code,
      label: `Code cell ${this.index + 1}`,
      onRun: () => options.onRun(this),
      onChange: (code) => options.onChange(this, code),
    });
    const pre = root.querySelector<HTMLElement>(":scope > pre.input");
    if (pre) pre.replaceWith(host);
    else root.prepend(host);
    root.insertBefore(tools, host);

    let outputs = root.querySelector<HTMLElement>(":scope > .outputs");
    if (!outputs) {
      outputs = document.createElement("div");
      outputs.className = "outputs";
      outputs.hidden = true;
      root.append(outputs);
    }
    this.outputs = outputs;
    root.classList.add("cell-live");
  }

  /** The code in the editor now. */
  get code(): string {
    return this.editor.state.doc.toString();
  }

  set code(code: string) {
    if (code !== this.code) setEditorText(this.editor, code);
  }

  /** Shows where the cell is in a run (or clears it). */
  set state(state: CellState | null) {
    if (state === null) delete this.root.dataset.state;
    else this.root.dataset.state = state;
    const status = this.root.querySelector(".live-cell-status");
    if (status) status.textContent = state === null || state === "ok" ? "" : STATE_TEXT[state];
  }

  get state(): CellState | null {
    return (this.root.dataset.state as CellState | undefined) ?? null;
  }

  /** Puts the keyboard focus in the editor. */
  focus(): void {
    this.editor.focus();
  }
}

const STATE_TEXT: Record<CellState, string> = {
  queued: "Waiting…",
  running: "Running…",
  ok: "",
  error: "Error",
  stopped: "Stopped",
  timeout: "Timed out",
};

function button(label: string, className: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement("button");
  b.type = "button";
  b.className = className;
  b.textContent = label;
  b.addEventListener("click", onClick);
  return b;
}
