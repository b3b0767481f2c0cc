import { InputError } from "../core/errors";
import { currentDisplayWriter } from "./display-writer";
import { markdownImage } from "./markdown-image";
import { trackPendingDisplay } from "./pending-displays";
import { renderSvg } from "./render-svg";
import { chartDescription, chartTitle, type ChartSpec } from "./spec";

/** The MIME type JupyterLab renders natively as an interactive vega-lite chart. */
export const vegaLiteMimeType = "application/vnd.vegalite.v5+json";

/**
 * One Jupyter display bundle: the same chart four ways, so every front end shows
 * something. JupyterLab picks the vega-lite JSON (sliders included); nbconvert's HTML
 * export, classic Notebook and VS Code show the markdown image (the SVG as a data URL,
 * which survives nbconvert 6.5's SVG cleaning, see markdownImage); front ends without
 * markdown take the SVG; a terminal gets the text.
 */
export interface DisplayBundle {
  "application/vnd.vegalite.v5+json": ChartSpec;
  "text/markdown": string;
  "image/svg+xml": string;
  "text/plain": string;
}

/**
 * Builds the display bundle of a chart: the spec, its SVG rendered server-side with vega 5
 * (also as a markdown image), and a text fallback made of the title and the accessible
 * description.
 * @throws {InputError} when the spec does not compile
 */
export async function displayBundle(spec: ChartSpec): Promise<DisplayBundle> {
  const svg = await renderSvg(spec);
  const title = chartTitle(spec);
  const description = chartDescription(spec);
  return {
    [vegaLiteMimeType]: spec,
    "text/markdown": markdownImage(svg, description || title || "Chart"),
    "image/svg+xml": svg,
    "text/plain": description ? `${title}\n${description}` : title,
  };
}

/**
 * Shows a chart in the notebook as one output: the interactive vega-lite chart in
 * JupyterLab, an SVG everywhere else. Use `await show(chart)` so the chart lands in the
 * cell that made it. Outside a tslab kernel (a plain script) it prints the text fallback.
 * @param spec a vega-lite v5 spec, normally from a chart builder
 * @returns nothing (tslab prints a cell's last value, and the chart is already shown);
 *   use displayBundle() to get the bundle itself
 * @throws {InputError} when spec is not an object or does not compile
 * @example await show(concentrationTimeChart({ ... })) // displays the chart
 */
export function show(spec: ChartSpec): Promise<void> {
  if (typeof spec !== "object" || spec === null || Array.isArray(spec))
    return Promise.reject(new InputError("show", "spec", "must be a vega-lite spec object", spec));
  // Capture the writer now: it belongs to the cell that called show(), even if the caller forgets to await.
  const writer = currentDisplayWriter();
  const shown = displayBundle(spec).then((bundle) => {
    if (writer) writer({ data: { ...bundle }, metadata: {}, transient: {} }, false);
    else process.stdout.write(`${bundle["text/plain"]}\n`);
  });
  // Registered in a global (see pendingDisplays.ts) so the engine running the cell can wait for an un-awaited show().
  trackPendingDisplay(shown);
  return shown;
}
