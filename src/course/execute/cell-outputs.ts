import type { DisplayMessage } from "../../charts/display-message";
import { toLines, type ErrorOutput, type Output } from "../../core/nbformat";

/**
 * Collects what one cell produced, in order, as nbformat outputs: consecutive writes to
 * the same stream are merged (as Jupyter front ends do), display messages become
 * display_data, and an update of a display id rewrites the earlier output in place.
 * Transient display ids are random, so they are never stored: outputs stay deterministic.
 */
export class CellOutputs {
  private readonly items: Output[] = [];
  private readonly byDisplayId: Map<string, { data: Record<string, unknown>; metadata: Record<string, unknown> }[]>;
  private streamText = new Map<Output, string>();

  constructor(byDisplayId = new Map<string, { data: Record<string, unknown>; metadata: Record<string, unknown> }[]>()) {
    this.byDisplayId = byDisplayId;
  }

  stream(name: "stdout" | "stderr", text: string): void {
    if (text === "") return;
    const last = this.items[this.items.length - 1];
    if (last && last.output_type === "stream" && last.name === name) {
      this.streamText.set(last, (this.streamText.get(last) ?? "") + text);
      return;
    }
    const output: Output = { output_type: "stream", name, text: "" };
    this.items.push(output);
    this.streamText.set(output, text);
  }

  display(message: DisplayMessage, update: boolean): void {
    const data = { ...message.data };
    const metadata = { ...(message.metadata ?? {}) };
    const id = message.transient?.display_id;
    if (update) {
      for (const target of (id && this.byDisplayId.get(id)) || []) {
        target.data = data;
        target.metadata = metadata;
      }
      return;
    }
    const output = { output_type: "display_data" as const, data, metadata };
    this.items.push(output);
    if (id) this.byDisplayId.set(id, [...(this.byDisplayId.get(id) ?? []), output]);
  }

  error(output: ErrorOutput): void {
    this.items.push(output);
  }

  /** The outputs, with stream text stored as Jupyter stores it (a list of lines). */
  outputs(): Output[] {
    return this.items.map((item) => {
      if (item.output_type !== "stream") return item;
      return { ...item, text: toLines(this.streamText.get(item) ?? "") };
    });
  }
}
