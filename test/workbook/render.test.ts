import { describe, expect, it } from "vitest";
import { renderVerdictHtml, renderVerdictTable, renderVerdictText, type Verdict } from "../../src/workbook";

describe("rendering a verdict", () => {
  const verdict: Verdict = {
    id: "ex-2.1",
    title: "Maximum <microdose>",
    file: "ch02",
    exportName: "x",
    status: "fail",
    points: 0,
    maxPoints: 2,
    checks: [{ name: "matches", visibility: "public", passed: false, received: "<script>alert(1)</script>" }],
    hints: ["Check the units."],
  };
  it('renderVerdictHtml gives <div class="check-result fail"> with everything escaped', () => {
    const html = renderVerdictHtml(verdict);
    expect(html).toMatch(/^<div class="check-result fail" data-exercise="ex-2.1" data-status="fail"/);
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain('<div class="hint"><strong>Hint:</strong> Check the units.</div>');
  });
  it("renderVerdictText says what to do when an exercise is not attempted", () => {
    expect(renderVerdictText({ ...verdict, status: "not-attempted", checks: [], hints: [] })).toMatch(
      /○ ex-2\.1 not attempted[\s\S]*exercises\/ch02\.ts/,
    );
  });
  it("renderVerdictTable ends with the progress line", () => {
    expect(renderVerdictTable([verdict, { ...verdict, id: "ex-2.2", status: "pass", points: 2 }])).toMatch(
      /Progress: 1 of 2 done, 2 of 4 points$/,
    );
  });
});
