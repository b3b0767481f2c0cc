/**
 * The page's toolbar, at the top of the chapter and sticky while scrolling so Stop is
 * always at hand: Run all, Stop, Download my answers, Load answers, and a status line
 * that screen readers announce (role="status").
 */
export interface ToolbarActions {
  runAll: () => void;
  stop: () => void;
  /** absent when the page has no course data (no exercises to save) */
  download?: () => void;
  load?: (file: File) => void;
}

export interface Toolbar {
  element: HTMLElement;
  /** enables Stop while something runs, and Run all otherwise */
  setBusy(busy: boolean): void;
  /** the status line */
  say(text: string): void;
}

export function createToolbar(doc: Document, actions: ToolbarActions): Toolbar {
  const element = doc.createElement("div");
  element.className = "live-toolbar";
  element.setAttribute("role", "group");
  element.setAttribute("aria-label", "Live notebook");
  const make = (label: string, className: string, onClick: () => void): HTMLButtonElement => {
    const b = doc.createElement("button");
    b.type = "button";
    b.className = className;
    b.textContent = label;
    b.addEventListener("click", onClick);
    element.append(b);
    return b;
  };
  make("Run all", "live-run-all", actions.runAll);
  const stop = make("Stop", "live-stop", actions.stop);
  stop.disabled = true;
  if (actions.download) make("Download my answers", "live-download", actions.download);
  const { load } = actions;
  if (load) {
    const input = doc.createElement("input");
    input.type = "file";
    input.accept = ".zip,.ts";
    input.hidden = true;
    input.className = "live-load-file";
    input.setAttribute("aria-label", "Answers file to load");
    input.addEventListener("change", () => {
      const file = input.files?.[0];
      if (file) load(file);
      input.value = ""; // the same file can be loaded again
    });
    make("Load answers", "live-load", () => input.click());
    element.append(input);
  }
  const status = doc.createElement("p");
  status.className = "live-status";
  status.setAttribute("role", "status");
  element.append(status);
  return {
    element,
    setBusy(busy) {
      stop.disabled = !busy;
    },
    say(text) {
      status.textContent = text;
    },
  };
}
