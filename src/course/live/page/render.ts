import { createPageEnv, type PageEnv } from "../../site/headings";
import type { Output } from "../../../core/nbformat";
import { renderOutputHtml } from "../../site/output-html";
import { TYPESETTER_SCRIPTS } from "../../site/typesetters";

/**
 * A live cell's outputs, rendered by the build's own renderer so they look exactly like the
 * pre-rendered ones: output-html.ts at once, and outputs.ts (the same, with markdown typeset
 * by markdown-it and LaTeX by KaTeX, as the build does) for outputs that need it, the first
 * time one does: KaTeX and markdown-it then load from the site's assets/ (≈ 400 KB that
 * page.js does not carry; see site/typesetters.ts). Charts are drawn by the site's
 * assets/charts.js, the drawer of the built charts (window.mdwCharts), when they come into
 * view; it loads vega then.
 */

/** One environment for the whole page: chart ids stay unique among the built ones. */
export function livePageEnv(doc: Document): PageEnv {
  const env = createPageEnv();
  for (const el of Array.from(doc.querySelectorAll("[id]"))) env.ids.add(el.id);
  env.charts = doc.querySelectorAll("figure.chart").length;
  return env;
}

type RenderOutputs = (outputs: readonly Output[], env: PageEnv) => string;

/** The build's renderOutputs (markdown-it + KaTeX), once an output needed it. */
let typesetting: RenderOutputs | undefined;
let typesettingLoad: Promise<void> | undefined;
/** What each container shows now: a late typesetter re-renders only what is still shown. */
const shown = new WeakMap<HTMLElement, readonly Output[]>();

const RICHER = /^(application\/vnd\.vegalite\.v\d+\+json|image\/(svg\+xml|png|jpeg)|text\/html)$/;

/** True when an output shows as markdown or LaTeX (nothing richer in its bundle, see output-html.ts). */
export function needsTypesetting(outputs: readonly Output[]): boolean {
  return outputs.some((o) => {
    if (o.output_type !== "display_data" && o.output_type !== "execute_result") return false;
    const mimes = Object.keys(o.data ?? {});
    return mimes.some((m) => m === "text/markdown" || m === "text/latex") && !mimes.some((m) => RICHER.test(m));
  });
}

/** Renders outputs into a container, replacing what it held, and hands its charts to the site's drawer. */
export function renderLiveOutputs(container: HTMLElement, outputs: readonly Output[], env: PageEnv, assets: URL): void {
  shown.set(container, outputs);
  container.innerHTML = (typesetting ?? renderOutputHtml)(outputs, env);
  container.hidden = container.innerHTML === "";
  for (const figure of Array.from(container.querySelectorAll<HTMLElement>("figure.chart"))) {
    charts(new URL("charts.js", assets)).then(
      (drawer) => drawer.observe(figure),
      (error: unknown) => console.error(`chart ${figure.id} could not be drawn: ${(error as Error).message}`),
    );
  }
  if (typesetting === undefined && needsTypesetting(outputs)) {
    typesettingLoad ??= Promise.all(
      Object.values(TYPESETTER_SCRIPTS).map((script) => loadScript(new URL(script, assets))),
    )
      .then(() => import("../../site/outputs"))
      .then((m) => {
        typesetting = m.renderOutputs;
      });
    typesettingLoad.catch(() => (typesettingLoad = undefined)); // a later output tries again
    typesettingLoad.then(
      () => shown.get(container) === outputs && renderLiveOutputs(container, outputs, env, assets),
      (error: unknown) => console.error(`markdown and LaTeX outputs could not be typeset: ${(error as Error).message}`),
    );
  }
}

/** assets/charts.js's API (see that file). */
interface ChartDrawer {
  observe(figure: HTMLElement): void;
}

let drawerLoad: Promise<ChartDrawer> | undefined;

function drawer(): ChartDrawer | undefined {
  return (globalThis as { mdwCharts?: ChartDrawer }).mdwCharts;
}

/** The site's chart drawer: every live page loads charts.js; loaded here if it is not there yet. */
function charts(script: URL): Promise<ChartDrawer> {
  const ready = drawer();
  if (ready) return Promise.resolve(ready);
  drawerLoad ??= loadScript(script).then(() => {
    const loaded = drawer();
    if (!loaded) throw new Error(`${script.href} did not define mdwCharts`);
    return loaded;
  });
  return drawerLoad;
}

/** Adds a classic script to the page (from disk too, where fetch is refused). */
function loadScript(src: URL): Promise<void> {
  return new Promise((resolve, reject) => {
    const tag = document.createElement("script");
    tag.src = src.href;
    tag.onload = () => resolve();
    tag.onerror = () => reject(new Error(`cannot load ${src.href}`));
    document.head.append(tag);
  });
}
