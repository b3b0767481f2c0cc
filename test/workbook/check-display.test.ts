import { createRequire } from "node:module";
import { afterEach, describe, expect, it, vi } from "vitest";
import { check, checkExercise } from "../../src/workbook";

const jupyter = createRequire(__filename)("tslab/dist/jupyter") as { lastWriteDisplayData: unknown };

describe('check("ex-2.1") in a notebook', () => {
  afterEach(() => {
    jupyter.lastWriteDisplayData = null;
    vi.restoreAllMocks();
  });

  it("sends ONE display bundle with text/html and text/plain when a tslab kernel is present", () => {
    const sent: Array<{ data: Record<string, string> }> = [];
    jupyter.lastWriteDisplayData = (d: { data: Record<string, string> }) => sent.push(d);
    expect(check("ex-2.1")).toBeUndefined();
    expect(sent).toHaveLength(1);
    expect(sent[0].data["text/html"]).toMatch(/^<div class="check-result not-attempted" data-exercise="ex-2.1"/);
    expect(sent[0].data["text/plain"]).toMatch(/ex-2\.1 not attempted/);
  });

  it("prints the text verdict outside a kernel", () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    check("ex-2.1");
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/ex-2\.1 not attempted/));
  });

  it("checkExercise(id) returns the verdict object; an unknown id lists the known ones", () => {
    expect(checkExercise("ex-2.1").status).toBe("not-attempted");
    expect(() => checkExercise("ex-9.9")).toThrow(/unknown exercise "ex-9.9"; known: ex-1.1, ex-1.2/);
  });
});
