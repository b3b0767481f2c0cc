import { createRequire } from "node:module";
import { afterEach, describe, expect, it, vi } from "vitest";
import { concentrationTimeChart, displayBundle, markdownImage, show } from "../../src";

const tslabJupyter = createRequire(__filename)("tslab/dist/jupyter") as { lastWriteDisplayData: unknown };
const chart = () =>
  concentrationTimeChart({
    profiles: [{ name: "A", time: [0, 1, 2], conc: [0, 4, 2] }],
    timeUnit: "h",
    concUnit: "ng/mL",
    title: "Demo",
  });

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

  it("displayBundle(spec) carries the SVG as a markdown image with a data URL (nbconvert 6.5 empties inline <svg>), alt text = the description", async () => {
    const spec = chart();
    const bundle = await displayBundle(spec);
    const match = /^!\[([^\]]+)\]\(data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)\)$/.exec(bundle["text/markdown"]);
    expect(match).not.toBeNull();
    expect(match![1]).toBe(String(spec.description).replace(/\s+/g, " "));
    expect(Buffer.from(match![2], "base64").toString("utf8")).toBe(bundle["image/svg+xml"]);
  });

  it("markdownImage(svg, alt) keeps brackets and line breaks out of the alt text and validates its input", () => {
    expect(markdownImage('<svg xmlns="http://www.w3.org/2000/svg"/>', "A [demo]\nchart")).toBe(
      "![A (demo) chart](data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=)",
    );
    expect(markdownImage("<svg>µ</svg>", "x")).toBe(
      `![x](data:image/svg+xml;base64,${Buffer.from("<svg>µ</svg>").toString("base64")})`,
    );
    expect(() => markdownImage("<p>not svg</p>", "x")).toThrow(
      "markdownImage: svg must be an SVG document starting with <svg; received",
    );
    expect(() => markdownImage("<svg/>", " ")).toThrow("markdownImage: alt must be a non-empty string; received");
  });

  it("show(spec) sends ONE display message with all four MIME types through tslab's display channel", async () => {
    const messages: unknown[] = [];
    tslabJupyter.lastWriteDisplayData = (message: unknown, update: boolean) => messages.push({ message, update });
    await show(chart());
    expect(messages).toHaveLength(1);
    const [{ message, update }] = messages as {
      message: { data: Record<string, unknown>; metadata: unknown; transient: unknown };
      update: boolean;
    }[];
    expect(update).toBe(false);
    expect(Object.keys(message.data).sort()).toEqual([
      "application/vnd.vegalite.v5+json",
      "image/svg+xml",
      "text/markdown",
      "text/plain",
    ]);
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
