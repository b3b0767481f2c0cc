/**
 * Browser twin of vegaModules.ts: the live worker's bundle carries vega and vega-lite, and
 * evaluates them on first use, as Node does with its lazy require. Written as `require()`,
 * esbuild keeps each of their modules in a function that runs when first required, so the
 * worker is ready to run cells without evaluating them (a cell that shows no chart never
 * needs them).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const vegaLite = () => require("vega-lite") as typeof import("vega-lite");
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const vega = () => require("vega") as typeof import("vega");
