/**
 * The chapters teach the whole of both source texts. notebooks/concepts.json lists every
 * concept (patterns that must appear in the chapter's prose) and every worked number
 * (patterns that must appear in the chapter's executed output, i.e. computed by a code
 * cell). The notebooks are executed with the embedded engine through the same cache as
 * `npm run build`, so after a build this test executes nothing again.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { executeCourse, type ExecutedNotebook } from "../../src/course/site";
import { joinText } from "../../src/core/nbformat";

interface ConceptEntry {
  id: string;
  chapter: string;
  source: string;
  patterns?: string[];
  outputs?: string[];
}
interface ConceptList {
  concepts: ConceptEntry[];
  numbers: ConceptEntry[];
}

const root = join(__dirname, "../..");
const list = JSON.parse(readFileSync(join(root, "notebooks/concepts.json"), "utf8")) as ConceptList;
const CHAPTERS = ["01", "02", "03", "04", "05", "06"];

let notebooks: Map<string, ExecutedNotebook>;

beforeAll(async () => {
  const { notebooks: executed } = await executeCourse({ root });
  notebooks = new Map(executed.map((n) => [n.slug.slice(0, 2), n]));
}, 600_000);

function prose(n: ExecutedNotebook): string {
  return n.notebook.cells
    .filter((c) => c.cell_type === "markdown")
    .map((c) => joinText(c.source))
    .join("\n");
}

function printed(n: ExecutedNotebook): string {
  const parts: string[] = [];
  for (const cell of n.notebook.cells) {
    if (cell.cell_type !== "code") continue;
    for (const o of cell.outputs) {
      if (o.output_type === "stream") parts.push(joinText(o.text));
      else if (o.output_type === "display_data" || o.output_type === "execute_result") {
        const text = o.data["text/plain"];
        if (typeof text === "string" || Array.isArray(text)) parts.push(joinText(text as string | string[]));
      }
    }
  }
  return parts.join("\n");
}

function charts(n: ExecutedNotebook): number {
  return n.notebook.cells.reduce(
    (count, c) =>
      count +
      (c.cell_type === "code"
        ? c.outputs.filter(
            (o) =>
              o.output_type === "display_data" &&
              "application/vnd.vegalite.v5+json" in o.data &&
              "image/svg+xml" in o.data,
          ).length
        : 0),
    0,
  );
}

describe("the chapters", () => {
  it("every entry of concepts.json names a chapter that exists", () => {
    for (const entry of [...list.concepts, ...list.numbers]) expect(CHAPTERS, entry.id).toContain(entry.chapter);
    expect(list.concepts.length).toBeGreaterThanOrEqual(40);
    expect(list.numbers.length).toBeGreaterThanOrEqual(10);
  });

  describe.each(CHAPTERS)("chapter %s", (chapter) => {
    const notebook = () => {
      const n = notebooks.get(chapter);
      if (!n) throw new Error(`no notebook notebooks/${chapter}-*.ipynb`);
      return n;
    };

    it("runs top to bottom with no error", () => {
      const n = notebook();
      const errors = n.notebook.cells.flatMap((c) =>
        c.cell_type === "code" ? c.outputs.filter((o) => o.output_type === "error") : [],
      );
      expect(errors.map((e) => (e.output_type === "error" ? `${e.ename}: ${e.evalue}` : ""))).toEqual([]);
    });

    it("opens with a title, learning goals and the part of the source it covers", () => {
      const n = notebook();
      expect(n.chapter.title).toMatch(new RegExp(`^${chapter}`));
      expect(n.chapter.goals.length).toBeGreaterThanOrEqual(3);
      const intro = n.notebook.cells
        .filter((c) => c.cell_type === "markdown")
        .slice(0, 3)
        .map((c) => joinText(c.source))
        .join("\n");
      expect(intro).toMatch(/001_079d5926d130f870|000_0e59da50f18e1b01|source/i);
    });

    it("shows at least two charts, each with the interactive spec and an SVG", () => {
      expect(charts(notebook())).toBeGreaterThanOrEqual(2);
    });

    it("teaches every concept concepts.json assigns to it", () => {
      const text = prose(notebook());
      const missing = list.concepts
        .filter((c) => c.chapter === chapter)
        .flatMap((c) => (c.patterns ?? []).filter((p) => !new RegExp(p, "i").test(text)).map((p) => `${c.id}: /${p}/`));
      expect(missing).toEqual([]);
    });

    it("computes every worked number concepts.json assigns to it, in a code cell's output", () => {
      const text = printed(notebook());
      const missing = list.numbers
        .filter((c) => c.chapter === chapter)
        .flatMap((c) => (c.outputs ?? []).filter((p) => !new RegExp(p, "i").test(text)).map((p) => `${c.id}: /${p}/`));
      expect(missing).toEqual([]);
    });

    it("ends with its exercises: a prompt, a work cell and a check cell for each", () => {
      const cells = notebook().notebook.cells;
      const tagged = (tag: string) => cells.filter((c) => (c.metadata?.tags ?? []).includes(tag)).length;
      expect(tagged("exercise")).toBeGreaterThanOrEqual(chapter === "01" ? 1 : 5);
      expect(tagged("exercise-check")).toBe(tagged("exercise"));
      expect(tagged("exercise-work")).toBe(tagged("exercise"));
    });
  });
});
