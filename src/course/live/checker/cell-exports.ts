import * as typescript from "@tslab/typescript-for-tslab";

/**
 * A cell's code as tslab's converter can check it when the cell exports. The live kernel lets
 * a cell export (`export const ex2_1_… = …`: an exercise's work cell, judged by check(), as
 * exercises/chNN.ts is in Jupyter), but tslab's converter exports every top-level name itself
 * and so refuses an explicit `export` ("Cannot redeclare exported variable"). The `export`
 * modifiers of top-level declarations, and top-level `export { … }` lists without a `from`,
 * are blanked with spaces: every other character keeps its line and column, so each diagnostic
 * still points where the student looks, and the types checked are the same.
 */
export function withoutCellExports(code: string): string {
  const source = typescript.createSourceFile("cell.ts", code, typescript.ScriptTarget.Latest, false);
  const blanks: Array<[number, number]> = [];
  for (const statement of source.statements) {
    if (typescript.isExportDeclaration(statement) && statement.moduleSpecifier === undefined)
      blanks.push([statement.getStart(source), statement.end]);
    else if (typescript.canHaveModifiers(statement))
      for (const modifier of typescript.getModifiers(statement) ?? [])
        if (modifier.kind === typescript.SyntaxKind.ExportKeyword)
          blanks.push([modifier.getStart(source), modifier.end]);
  }
  let out = code;
  for (const [start, end] of blanks.reverse())
    out = out.slice(0, start) + out.slice(start, end).replace(/[^\n]/g, " ") + out.slice(end);
  return out;
}
