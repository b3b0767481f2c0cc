import fc from "fast-check";
import { assertProperty } from "../support/properties";
import { describe, expect, it } from "vitest";
import { cellsForEdition, instructorOnly, notebookForEdition, type Cell, type Notebook } from "../../src/course/site";

const codeCell = (source: string, tags?: string[], extra: Record<string, unknown> = {}): Cell => ({
  cell_type: "code",
  source,
  metadata: tags ? { tags, ...extra } : extra,
  outputs: [],
  execution_count: null,
});
const mdCell = (source: string, tags?: string[]): Cell => ({
  cell_type: "markdown",
  source,
  metadata: tags ? { tags } : {},
});
const nb = (cells: Cell[]): Notebook => ({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells });

describe("instructorOnly(cell)", () => {
  it('instructorOnly(cell) is "solution" for a BEGIN SOLUTION … END SOLUTION block', () => {
    expect(
      instructorOnly({
        cell_type: "code",
        source: "// BEGIN SOLUTION\nx = 1\n// END SOLUTION",
        metadata: {},
        outputs: [],
        execution_count: null,
      }),
    ).toBe("solution");
    expect(
      instructorOnly(
        codeCell(
          ["export function f() {\n", "  // BEGIN SOLUTION\n", "  return 1;\n", "  // END SOLUTION\n", "}\n"].join(""),
        ),
      ),
    ).toBe("solution");
  });

  it('instructorOnly(cell) is "solution" when only one marker survived an edit, so nothing half-marked leaks', () => {
    expect(instructorOnly(codeCell("// BEGIN SOLUTION\nx = 1"))).toBe("solution");
    expect(instructorOnly(codeCell("x = 1\n// END SOLUTION"))).toBe("solution");
  });

  it('instructorOnly(cell) is "solution" for the tag "solution" (markdown too) and for nbgrader solution cells', () => {
    expect(instructorOnly(mdCell("The answer is 100 µg.", ["solution"]))).toBe("solution");
    expect(instructorOnly(codeCell("x = 1", undefined, { nbgrader: { solution: true } }))).toBe("solution");
  });

  it('instructorOnly(cell) is "hidden" for the tag "hidden" or BEGIN HIDDEN TESTS, even inside a solution', () => {
    expect(instructorOnly(codeCell("check()", ["hidden"]))).toBe("hidden");
    expect(instructorOnly(codeCell("### BEGIN HIDDEN TESTS\nassert(x)\n### END HIDDEN TESTS"))).toBe("hidden");
    expect(instructorOnly(codeCell("// BEGIN SOLUTION\n// END SOLUTION", ["hidden"]))).toBe("hidden");
  });

  it("instructorOnly(cell) is null for ordinary cells, including ones that merely talk about solutions", () => {
    expect(instructorOnly(codeCell("const solution = 1;"))).toBeNull();
    expect(instructorOnly(mdCell("Write your solution below.", ["exercise"]))).toBeNull();
    expect(instructorOnly(mdCell("BEGIN SOLUTIONS are marked by instructors"))).toBeNull();
  });
});

const arbitraryCell: fc.Arbitrary<Cell> = fc
  .record({
    kind: fc.constantFrom("code", "markdown"),
    body: fc.string(),
    marker: fc.constantFrom("", "// BEGIN SOLUTION\n", "// END SOLUTION\n", "### BEGIN HIDDEN TESTS\n"),
    tags: fc.subarray(["solution", "hidden", "exercise", "setup"]),
  })
  .map(({ kind, body, marker, tags }) =>
    kind === "code" ? codeCell(marker + body, tags) : mdCell(marker + body, tags),
  );

describe("cellsForEdition(notebook, edition)", () => {
  it("the student edition keeps exactly the cells that are not instructor-only, in their order", () => {
    assertProperty(
      fc.property(fc.array(arbitraryCell, { maxLength: 12 }), (cells) => {
        const student = cellsForEdition(nb(cells), "student");
        expect(student.every((c) => c.instructorOnly === null)).toBe(true);
        expect(student.map((c) => c.cell)).toEqual(cells.filter((c) => instructorOnly(c) === null));
      }),
    );
  });

  it("the instructor edition keeps every cell and labels the instructor-only ones", () => {
    assertProperty(
      fc.property(fc.array(arbitraryCell, { maxLength: 12 }), (cells) => {
        const instructor = cellsForEdition(nb(cells), "instructor");
        expect(instructor.map((c) => c.cell)).toEqual(cells);
        expect(instructor.map((c) => c.instructorOnly)).toEqual(cells.map(instructorOnly));
      }),
    );
  });

  it('cellsForEdition(nb, "student") never contains an instructor-only cell', () => {
    const notebook = nb([mdCell("# T"), codeCell("// BEGIN SOLUTION\n1\n// END SOLUTION"), codeCell("x", ["hidden"])]);
    expect(cellsForEdition(notebook, "student").some((c) => c.instructorOnly !== null)).toBe(false);
  });

  it("cellsForEdition(nb, edition) rejects an unknown edition by name", () => {
    expect(() => cellsForEdition(nb([]), "teacher" as never)).toThrow(
      'cellsForEdition: edition must be "student" or "instructor"; received teacher',
    );
  });
});

describe("notebookForEdition(notebook, edition)", () => {
  it("returns a student copy without instructor-only cells and leaves its input untouched", () => {
    const cells = [
      mdCell("# T"),
      codeCell("// BEGIN SOLUTION\nsecret\n// END SOLUTION"),
      codeCell("x", ["hidden"]),
      codeCell("y"),
    ];
    const input = nb(cells);
    const before = JSON.stringify(input);
    const student = notebookForEdition(input, "student");
    expect(student.cells.map((c) => c.source)).toEqual(["# T", "y"]);
    expect(JSON.stringify(student)).not.toContain("secret");
    expect(JSON.stringify(input)).toBe(before);
    expect(notebookForEdition(input, "instructor").cells).toHaveLength(4);
  });
});
