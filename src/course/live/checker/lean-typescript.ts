/**
 * What tslab's converter gets as "@tslab/typescript-for-tslab" in the live checker bundle
 * (bundle.ts redirects its import here): the same TypeScript, with the lean builder program
 * the embedded engine uses in Node (install-lean-builder.ts), so a cell costs one program
 * build, not the default builder's signatures of every declaration file. CommonJS on
 * purpose: the converter reads this module with require().
 */
{
  /* eslint-disable @typescript-eslint/no-require-imports -- the converter require()s this module, so it is CommonJS */
  const typescript = require("@tslab/typescript-for-tslab") as Record<string, unknown>;
  const builder = require("../../execute/lean-builder-program") as typeof import("../../execute/lean-builder-program");
  const lean = builder.leanBuilderProgramFactory(
    typescript as unknown as import("../../execute/lean-builder-program").TslabTypescript,
  );
  module.exports = builder.typescriptWithBuilder(typescript, () => lean);
  /* eslint-enable @typescript-eslint/no-require-imports */
}
