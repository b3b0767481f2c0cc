import * as vegaModule from "vega";
import * as vegaLiteModule from "vega-lite";

/** Browser twin of vegaModules.ts: the bundle carries vega and vega-lite, so no lazy require. */
export const vegaLite = () => vegaLiteModule;
export const vega = () => vegaModule;
