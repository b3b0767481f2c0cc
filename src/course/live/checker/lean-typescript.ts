/**
 * What tslab's converter gets as "@tslab/typescript-for-tslab" in the live checker bundle
 * (bundle.ts redirects its import here): the same TypeScript, with the lean builder program
 * the embedded engine uses in Node (installLeanBuilder.ts), so a cell costs one program
 * build, not the default builder's signatures of every declaration file. CommonJS on
 * purpose: the converter reads this module with require().
 */
{
  const typescript = require("@tslab/typescript-for-tslab") as Record<string, unknown>;
  const builder = require("../../execute/leanBuilderProgram") as typeof import("../../execute/leanBuilderProgram");
  const lean = builder.leanBuilderProgramFactory(typescript as unknown as import("../../execute/leanBuilderProgram").TslabTypescript);
  module.exports = builder.typescriptWithBuilder(typescript, () => lean);
}
