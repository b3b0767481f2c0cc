import { createRequire } from "node:module";
import { afterEach, describe, expect, it, vi } from "vitest";
import { concentrationTimeChart, displayBundle, show } from "../../src";

const tslabJupyter = createRequire(__filename)("tslab/dist/jupyter") as { lastWriteDisplayData: unknown };
const chart = () => concentrationTimeChart({ profiles: [{ name: "A", time: [0, 1, 2], conc: [0, 4, 2] }], timeUnit: "h", concUnit: "ng/mL", title: "Demo" });

afterEach(() => {
  tslabJupyter.lastWriteDisplayData = null;
  vi.restoreAllMocks();
});

describe("show(spec) and displayBundle(spec)", () => {
  it("displayBundle(spec) holds the vega-lite spec, a server-rendered SVG and a text fallback", async () => {
    const spec = chart();
    const bundle = await displayBundle(spec);
    expect(bundle["application/vnd.vegalite.v5+json"]).toBe(spec);
    expect(bundle["image/svg+xml"]).toMatch(/^<svg[^>]*>/);
    expect(bundle["text/plain"]).toBe(`Demo\n${spec.description}`);
  });

  it("show(spec) sends ONE display message with all three MIME types through tslab's display channel", async () => {
    const messages: unknown[] = [];
    tslabJupyter.lastWriteDisplayData = (message: unknown, update: boolean) => messages.push({ message, update });
    await show(chart());
    expect(messages).toHaveLength(1);
    const [{ message, update }] = messages as { message: { data: Record<string, unknown>; metadata: unknown; transient: unknown }; update: boolean }[];
    expect(update).toBe(false);
    expect(Object.keys(message.data).sort()).toEqual(["application/vnd.vegalite.v5+json", "image/svg+xml", "text/plain"]);
    expect(message.metadata).toEqual({});
    expect(message.transient).toEqual({});
  });

  it("show(spec) outside a kernel prints the text fallback", async () => {
    const write = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    await show(chart());
    expect(write).toHaveBeenCalledWith(expect.stringMatching(/^Demo\nConcentration–time chart/));
  });

  it("show(spec) rejects a non-object with an InputError", async () => {
    await expect(show("chart" as never)).rejects.toThrow(/show: spec must be a vega-lite spec object; received chart/);
  });
});
