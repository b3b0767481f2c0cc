import { createRequire } from "node:module";

/**
 * vega and vega-lite are loaded on first use, not at import: together they take about half
 * a second to load, and `import … from "microdosing-workbook"` should stay quick. (The
 * browser bundle uses vegaModules.browser.ts, which imports them statically.)
 */
const load = createRequire(__filename);
export const vegaLite = () => load("vega-lite") as typeof import("vega-lite");
export const vega = () => load("vega") as typeof import("vega");
