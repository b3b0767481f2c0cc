import * as typescript from "@tslab/typescript-for-tslab";
import type { Converter, Diagnostic } from "tslab/dist/converter";
import { InputError } from "../../../core/errors";
import { withoutCellExports } from "./cell-exports";
import { memorySystem, type TypeFiles } from "./memory-system";

/** Where the recorded files put the course (see type-files.ts): the notebooks compile in its notebooks/ folder. */
export const COURSE_ROOT = "/course";
export const NOTEBOOKS_DIRECTORY = `${COURSE_ROOT}/notebooks`;
/** tslab's TypeScript, as if installed in the course: its lib.*.d.ts files sit beside it. */
export const TYPESCRIPT_PATH = `${COURSE_ROOT}/node_modules/@tslab/typescript-for-tslab/lib/typescript.js`;

/** A cell importing both course modules: checking it reads every declaration file a cell's imports can reach. */
export const COURSE_IMPORTS =
  'import * as library from "microdosing-workbook";\nimport * as workbook from "microdosing-workbook/workbook";\n';

/** A cell's verdict: the diagnostics tslab prints, or none and the declarations the cell adds. */
export type CellCheck = { ok: false; diagnostics: string[] } | { ok: true; declarations: string };

/**
 * tslab's own type checking, cell by cell: its converter (the code the tslab kernel runs)
 * over files held in memory. As in tslab's executor, each cell is checked against the
 * declarations of the cells that ran before it, and a cell's declarations count only once
 * it has run without error (commit). One difference, the live kernel's: a cell may `export`
 * (see cell-exports.ts).
 */
export class TslabTypeChecker {
  private readonly converter: Converter;
  private declarations = "";

  /**
   * @param files every file tslab reads for the course's cells (see type-files.ts), by path under {@link COURSE_ROOT}
   * @throws {InputError} when files is not an object of file texts by absolute path
   */
  constructor(files: TypeFiles) {
    // The converter reads `ts.sys` at every file access, so it stays this memory system
    // (setSys is TypeScript's own, exported but not declared).
    (typescript as unknown as { setSys(system: typescript.System): void }).setSys(
      memorySystem(files, { currentDirectory: NOTEBOOKS_DIRECTORY, executingFilePath: TYPESCRIPT_PATH }),
    );
    // Loaded only now: the converter module sets an option on `ts.sys` as it loads.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- must load after setSys, so not a top-level import
    const { createConverter } = require("tslab/dist/converter") as typeof import("tslab/dist/converter");
    this.converter = createConverter({ isJS: false, isBrowser: false });
  }

  /**
   * Type-checks one cell as tslab would before running it.
   * @param code the cell's TypeScript
   * @returns the diagnostic lines tslab prints ("2:7 - Type 'string' is not assignable to type 'number'."),
   *   or ok with the declarations to commit once the cell has run
   * @throws {InputError} when code is not a string
   */
  check(code: string): CellCheck {
    if (typeof code !== "string") throw new InputError("TslabTypeChecker.check", "code", "must be a string", code);
    const result = this.converter.convert(this.declarations, withoutCellExports(code));
    if (result.diagnostics.length > 0) return { ok: false, diagnostics: result.diagnostics.map(diagnosticLine) };
    return { ok: true, declarations: result.declOutput ?? "" };
  }

  /** The cell checked last ran without error: later cells see its names (tslab's prevDecl). */
  commit(declarations: string): void {
    if (typeof declarations !== "string")
      throw new InputError("TslabTypeChecker.commit", "declarations", "must be a string from check()", declarations);
    this.declarations = declarations;
  }

  /** A kernel restart: no cell has run. */
  reset(): void {
    this.declarations = "";
  }
}

/** One diagnostic as tslab's executor prints it: "[file ]line:column - message". */
export function diagnosticLine(d: Pick<Diagnostic, "fileName" | "start" | "messageText">): string {
  return `${d.fileName ? `${d.fileName} ` : ""}${d.start.line + 1}:${d.start.character + 1} - ${d.messageText}`;
}
