import { escapeHtml } from "../../core/html";

/**
 * A chart on a page: the server-side SVG from the notebook output, inline so it shows
 * with JavaScript off, in print and in feed readers, plus the vega-lite spec in a JSON
 * script tag from which assets/charts.js draws the interactive version where JavaScript
 * runs. Both carry the same text alternative, taken from the spec.
 */

/** The vega-lite MIME types notebooks emit (JupyterLab renders v4 and v5). */
export const VEGA_LITE_MIME = /^application\/vnd\.vegalite\.v\d+\+json$/;

/**
 * The text alternative of a vega-lite chart: its description, else its title, else a
 * generic label. Screen readers announce it; it is also the figure's accessible name.
 * @param spec a vega-lite spec
 * @example chartAltText({ title: { text: "Plasma concentration" } }) // => "Plasma concentration"
 */
export function chartAltText(spec: unknown): string {
  if (typeof spec === "object" && spec !== null) {
    const { description, title } = spec as { description?: unknown; title?: unknown };
    if (typeof description === "string" && description.trim()) return description.trim();
    if (typeof title === "string" && title.trim()) return title.trim();
    const text = (title as { text?: unknown } | undefined)?.text;
    if (typeof text === "string" && text.trim()) return text.trim();
    if (Array.isArray(text) && text.length > 0) return text.join(" ").trim();
  }
  return "Chart";
}

/**
 * Makes an SVG document safe to inline many times on one page: drops the XML prolog and
 * doctype, prefixes every id (and its url(#…)/href="#…" references) so two charts' clip
 * paths never collide, and hides the drawing itself from assistive technology. The text
 * alternative belongs on the wrapper (role="img", see renderChart): vega marks every
 * group with ARIA roles of its own, unlabelled ones included, which screen readers would
 * otherwise walk mark by mark. The <title> stays for a mouse-over tooltip. A min-width
 * (chartMinWidth) keeps the text legible when the page is narrower than the chart.
 * @param svg an SVG document as text
 * @param idPrefix unique per chart on the page, e.g. "chart-3"
 * @param alt the text alternative
 */
export function inlineSvg(svg: string, idPrefix: string, alt: string): string {
  const body = svg
    .replace(/<\?xml[^>]*\?>/g, "")
    .replace(/<!DOCTYPE[^>]*>/gi, "")
    .replace(/\bid="([^"]+)"/g, (_m, id: string) => `id="${idPrefix}-${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_m, id: string) => `url(#${idPrefix}-${id})`)
    .replace(/(xlink:href|href)="#([^"]+)"/g, (_m, attr: string, id: string) => `${attr}="#${idPrefix}-${id}"`)
    .trim();
  const label = escapeHtml(alt);
  const minWidth = chartMinWidth(body);
  const style = minWidth === null ? "" : ` style="min-width:${minWidth}px"`;
  return body.replace(/<svg\b([^>]*)>/, (_m, attrs: string) => {
    const cleaned = attrs.replace(/\s(role|aria-label|aria-labelledby|aria-hidden|focusable|style)="[^"]*"/g, "");
    return `<svg${cleaned}${style} aria-hidden="true" focusable="false"><title>${label}</title>`;
  });
}

/** The smallest text a chart may shrink to on a narrow screen [px]; below it a chart scrolls in its box instead. */
export const MIN_CHART_TEXT_PX = 9;

/**
 * How narrow a chart may be drawn before its smallest text falls below MIN_CHART_TEXT_PX:
 * its width times MIN_CHART_TEXT_PX / (smallest font size), never more than its width.
 * The site's CSS shrinks charts to the page (max-width: 100%); this floor keeps a
 * 640 px chart from becoming 5 px text on a 375 px phone.
 * @param svg an SVG document as vega renders it (width attribute, font-size on text)
 * @returns the minimum width [px], or null when the SVG has no width or no text
 * @example chartMinWidth('<svg width="660"><text font-size="11">a</text><text font-size="12">b</text></svg>') // => 540
 */
export function chartMinWidth(svg: string): number | null {
  const width = Number(/<svg\b[^>]*?\swidth="([\d.]+)"/.exec(svg)?.[1]);
  const sizes = [...svg.matchAll(/font-size(?:="|:\s*)([\d.]+)(?:px)?/g)].map((m) => Number(m[1])).filter((n) => n > 0);
  if (!(width > 0) || sizes.length === 0) return null;
  return Math.ceil(width * Math.min(1, MIN_CHART_TEXT_PX / Math.min(...sizes)));
}

/** JSON that can sit inside <script type="application/json"> without closing it early. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/**
 * The HTML of one chart figure.
 * @param spec the vega-lite spec (drawn interactively when JavaScript runs), or undefined
 * @param svg the server-side SVG (shown without JavaScript), or undefined
 * @param idPrefix unique per chart on the page
 */
export function renderChart(spec: unknown, svg: string | undefined, idPrefix: string): string {
  const alt = spec === undefined ? "Chart" : chartAltText(spec);
  const label = `role="img" aria-label="${escapeHtml(alt)}"`;
  const staticPart = svg
    ? `<div class="chart-static" ${label}>${inlineSvg(svg, idPrefix, alt)}</div>`
    : `<p class="chart-fallback">${escapeHtml(alt)} (the chart needs JavaScript)</p>`;
  const livePart =
    spec === undefined
      ? ""
      : `<div class="chart-live" ${label} hidden></div><script type="application/json" class="chart-spec">${scriptJson(spec)}</script>`;
  // tabindex: on a phone a chart wider than the page scrolls inside the figure, by keyboard too
  return `<figure class="chart" id="${idPrefix}" tabindex="0" data-alt="${escapeHtml(alt)}">${staticPart}${livePart}</figure>`;
}
