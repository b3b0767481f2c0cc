/** Course tooling: execute notebooks, talk to Jupyter, build the site. Never imported by the science. */
export * from "./execute";
export * from "./jupyter";
export { buildSite, listNotebooks, type BuildOptions, type BuildReport } from "./site";
