import { describe, expect, it } from "vitest";
import { axisTitle, chartDescription, compileChart, renderSvg, type ChartSpec } from "../../src";
import { axisTitles, everyChart } from "./fixtures";

describe("every chart builder", () => {
  for (const [name, build] of Object.entries(everyChart)) {
    describe(name, () => {
      const spec: ChartSpec = build();

      it("compiles with vega-lite 5 without warnings", () => {
        const { vega, warnings } = compileChart(spec);
        expect(warnings).toEqual([]);
        expect(vega.marks?.length ?? 0).toBeGreaterThan(0);
      });

      it("declares the vega-lite v5 schema, a title and an accessible description", () => {
        expect(spec.$schema).toBe("https://vega.github.io/schema/vega-lite/v5.json");
        expect(spec.title).toBeTruthy();
        expect(chartDescription(spec).length).toBeGreaterThan(40);
      });

      it("gives every x and y axis a title with its unit in parentheses", () => {
        const titles = axisTitles(spec);
        expect(titles.length).toBeGreaterThan(0);
        for (const title of titles) expect(title).toMatch(/\S \([^()]+\)$/);
      });

      it("renders server-side to an SVG with drawn marks and the axis titles", async () => {
        const svg = await renderSvg(spec);
        expect(svg.startsWith("<svg")).toBe(true);
        const paths = svg.match(/<path [^>]*d="M[^"]+"/g) ?? [];
        expect(paths.length).toBeGreaterThan(2);
        for (const title of new Set(axisTitles(spec))) expect(svg).toContain(escapeXml(title));
      });
    });
  }

  it("uses log scales where the science reads them: semi-log concentration, log–log dose-proportionality and AMS precision", () => {
    const scaleTypes = (spec: ChartSpec) => JSON.stringify(spec).match(/"type":"log"/g)?.length ?? 0;
    expect(scaleTypes(everyChart["concentrationTimeChart (semi-log)"]())).toBeGreaterThan(0);
    expect(scaleTypes(everyChart["concentrationTimeChart (linear)"]())).toBe(0);
    expect(scaleTypes(everyChart.doseProportionalityChart())).toBeGreaterThanOrEqual(2);
    expect(scaleTypes(everyChart.amsPrecisionChart())).toBeGreaterThanOrEqual(2);
    expect(scaleTypes(everyChart.occupancyChart())).toBeGreaterThan(0);
  });

  it("axisTitle(quantity, unit) puts the unit in parentheses", () => {
    expect(axisTitle("Time", "h")).toBe("Time (h)");
  });
});

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
