import { cpSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { TYPESETTER_SCRIPTS } from "./typesetters";

/**
 * Everything a page loads, copied into site/assets so the site works offline and from
 * any static host (no CDN): KaTeX's stylesheet and fonts, the highlight.js a11y theme,
 * vega + vega-lite UMD builds for interactive charts, KaTeX and markdown-it UMD builds for
 * the live page's markdown and LaTeX outputs, and the site's own CSS and script.
 */
const OWN_ASSETS = join(__dirname, "assets");

function packageFile(request: string): string {
  return require.resolve(request);
}

/** [source, destination relative to assets/] for every shipped asset. */
export function assetManifest(): Array<[string, string]> {
  const katexDist = dirname(packageFile("katex"));
  return [
    [join(OWN_ASSETS, "site.css"), "site.css"],
    [join(OWN_ASSETS, "live.css"), "live.css"],
    [join(OWN_ASSETS, "charts.js"), "charts.js"],
    [join(OWN_ASSETS, "favicon.svg"), "favicon.svg"],
    [join(katexDist, "katex.min.css"), "katex/katex.min.css"],
    [join(katexDist, "fonts"), "katex/fonts"],
    [packageFile("highlight.js/styles/a11y-light.min.css"), "hljs.css"],
    [packageFile("vega/build/vega.min.js"), "vega/vega.min.js"],
    // the live page's typesetters for markdown and LaTeX outputs, loaded when one needs them
    [join(katexDist, "katex.min.js"), TYPESETTER_SCRIPTS.katex],
    [packageFile("markdown-it/dist/markdown-it.min.js"), TYPESETTER_SCRIPTS.markdownIt],
    [packageFile("vega-lite/build/vega-lite.min.js"), "vega/vega-lite.min.js"],
  ];
}

/**
 * Copies the assets into `<siteDir>/assets`. Source maps are left out: browsers fetch
 * them only with developer tools open.
 * @param siteDir the (staged) site folder
 */
export function writeAssets(siteDir: string): void {
  const assets = join(siteDir, "assets");
  for (const [from, to] of assetManifest()) {
    mkdirSync(dirname(join(assets, to)), { recursive: true });
    cpSync(from, join(assets, to), { recursive: true });
  }
}
