import { createPageEnv, type PageEnv } from "../../site/headings";
import type { Output } from "../../site/notebook";
import { renderOutputHtml } from "../../site/output-html";

/**
 * A live cell's outputs, rendered by the build's own renderer (src/course/site/output-html.ts)
 * so they look exactly like the pre-rendered ones, and its charts drawn with the site's
 * bundled vega + vega-lite, as assets/charts.js draws the built ones. Pages without charts
 * do not load vega up front; the first live chart loads it from assets/vega/.
 */

/** One environment for the whole page: chart ids stay unique among the built ones. */
export function livePageEnv(doc: Document): PageEnv {
  const env = createPageEnv();
  for (const el of Array.from(doc.querySelectorAll("[id]"))) env.ids.add(el.id);
  env.charts = doc.querySelectorAll("figure.chart").length;
  return env;
}

/** Renders outputs into a container, replacing what it held, and draws its charts. */
export function renderLiveOutputs(container: HTMLElement, outputs: readonly Output[], env: PageEnv, vegaBase: URL): void {
  container.innerHTML = renderOutputHtml(outputs, env);
  container.hidden = container.innerHTML === "";
  for (const figure of Array.from(container.querySelectorAll<HTMLElement>("figure.chart"))) {
    drawChart(figure, vegaBase).catch((error: unknown) => {
      console.error(`chart ${figure.id} could not be drawn: ${(error as Error).message}`);
    });
  }
}

interface VegaView {
  runAsync(): Promise<unknown>;
}
interface VegaGlobals {
  vega?: { parse(spec: unknown): unknown; View: new (runtime: unknown, options: object) => VegaView };
  vegaLite?: { compile(spec: unknown): { spec: unknown } };
}

let vegaLoading: Promise<void> | undefined;

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`cannot load ${src}`));
    document.head.append(script);
  });
}

/** vega and vega-lite, from the page (charts.js pages load them) or loaded once now. */
function ensureVega(base: URL): Promise<void> {
  const scope = globalThis as VegaGlobals;
  if (scope.vega && scope.vegaLite) return Promise.resolve();
  vegaLoading ??= loadScript(new URL("vega.min.js", base).href).then(() => (scope.vegaLite ? undefined : loadScript(new URL("vega-lite.min.js", base).href)));
  return vegaLoading;
}

/** The chart's smallest text stays at least this big [px] on a narrow page (as chart.ts and charts.js do). */
const MIN_TEXT_PX = 9;

interface ChartSpec {
  params?: Array<{ bind?: { input?: unknown } }>;
}

/**
 * The what-if sliders' group (vega-lite params bound to inputs), after the drawing and
 * outside its role="img" wrapper, as charts.js puts them; each slider named by its label.
 */
function controlsFor(live: HTMLElement): HTMLElement {
  const controls = document.createElement("div");
  controls.className = "chart-controls";
  controls.setAttribute("role", "group");
  controls.setAttribute("aria-label", "What-if sliders: each one redraws the chart above");
  controls.hidden = true;
  live.insertAdjacentElement("afterend", controls);
  return controls;
}

function labelInputs(controls: HTMLElement): void {
  for (const label of Array.from(controls.querySelectorAll("label"))) {
    const name = label.querySelector(".vega-bind-name");
    const input = label.querySelector("input");
    if (name && input) input.setAttribute("aria-label", (name.textContent ?? "").trim());
    const value = input?.nextElementSibling;
    if (value && value.tagName === "SPAN") {
      value.className = "chart-control-value";
      value.setAttribute("aria-hidden", "true");
    }
  }
}

function keepTextLegible(svg: SVGElement): void {
  const width = parseFloat(svg.getAttribute("width") ?? "");
  const sizes = Array.from(svg.querySelectorAll("text")).map((t) => parseFloat(getComputedStyle(t).fontSize)).filter((n) => n > 0);
  if (width > 0 && sizes.length > 0) svg.style.minWidth = `${Math.ceil(width * Math.min(1, MIN_TEXT_PX / Math.min(...sizes)))}px`;
}

/**
 * Draws one figure's spec and swaps it in for the static part: what assets/charts.js does
 * for the built charts on load (kept in step with it by hand: charts.js is a classic
 * script with no API to call).
 */
async function drawChart(figure: HTMLElement, vegaBase: URL): Promise<void> {
  const specEl = figure.querySelector("script.chart-spec");
  const live = figure.querySelector<HTMLElement>(".chart-live");
  if (!specEl || !live) return;
  await ensureVega(vegaBase);
  const { vega, vegaLite } = globalThis as VegaGlobals;
  if (!vega || !vegaLite) throw new Error("vega did not load");
  const alt = figure.getAttribute("data-alt") ?? "Chart";
  const spec = JSON.parse(specEl.textContent ?? "null") as ChartSpec;
  const controls = (spec.params ?? []).some((p) => p.bind?.input) ? controlsFor(live) : null;
  const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: "svg", container: live, hover: true, ...(controls ? { bind: controls } : {}) });
  await view.runAsync();
  // the wrapper carries role="img" and the text alternative (see src/course/site/chart.ts)
  const svg = live.querySelector("svg");
  svg?.setAttribute("aria-hidden", "true");
  svg?.setAttribute("focusable", "false");
  if (svg) keepTextLegible(svg);
  if (controls) {
    labelInputs(controls);
    controls.hidden = false;
  }
  live.setAttribute("role", "img");
  live.removeAttribute("aria-roledescription");
  live.setAttribute("aria-label", alt);
  live.hidden = false;
  const still = figure.querySelector<HTMLElement>(".chart-static, .chart-fallback");
  if (still) still.hidden = true;
  figure.classList.add("chart-is-live");
}
