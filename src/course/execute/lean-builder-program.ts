import type * as ts from "@tslab/typescript-for-tslab";

/**
 * The parts of tslab's TypeScript (5.0) that this module uses: public API plus two
 * internals that its bundle exports (BuilderState, bindSourceFile), so that dependencies
 * and bindings are computed by TypeScript's own code, not re-implemented here.
 */
export interface TslabTypescript {
  createProgram(options: ts.CreateProgramOptions): ts.Program;
  bindSourceFile(file: ts.SourceFile, options: ts.CompilerOptions): void;
  BuilderState: {
    create(program: ts.Program, oldState: undefined, disableUseFileVersionAsSignature: boolean): BuilderState;
    getAllDependencies(state: BuilderState, program: ts.Program, file: ts.SourceFile): readonly string[];
  };
}

/** The slice of TypeScript's internal BuilderState that getAllDependencies reads. */
interface BuilderState {
  referencedMap?: { getValues(path: string): ReadonlySet<string> | undefined };
}

/** What tslab's converter (and the watch compiler) call on a builder program. */
export interface TslabBuilderProgram {
  getProgram(): ts.Program;
  /** internal in TypeScript: the watch compiler reuses the previous program through it */
  getProgramOrUndefined(): ts.Program | undefined;
  getCompilerOptions(): ts.CompilerOptions;
  getSourceFile(fileName: string): ts.SourceFile | undefined;
  getSourceFiles(): readonly ts.SourceFile[];
  emit: ts.Program["emit"];
  getAllDependencies(file: ts.SourceFile): readonly string[];
}

/** The watch compiler's `createProgram` hook, as it calls it. */
export type CreateBuilderProgram = (
  rootNames: readonly string[] | undefined,
  options: ts.CompilerOptions | undefined,
  host: ts.CompilerHost | undefined,
  oldBuilder: TslabBuilderProgram | undefined,
  configFileParsingDiagnostics?: readonly ts.Diagnostic[],
  projectReferences?: readonly ts.ProjectReference[],
) => TslabBuilderProgram;

/**
 * A cheaper stand-in for the builder program that tslab's converter gets from
 * TypeScript's watch compiler. TypeScript's default (EmitAndSemanticDiagnosticsBuilderProgram)
 * computes, for every one of the ~360 declaration files of every program, the reference
 * map and signatures an incremental build needs — and tslab builds two programs per cell.
 * tslab only asks for source files, the program, emit of one file and the dependencies of
 * the cell, so this builder creates the same Program and answers those with TypeScript's
 * own functions: references are computed only for the files the cell reaches, when asked.
 * The compiled cells, declarations and diagnostics are the same (a test compares them).
 */
export function leanBuilderProgramFactory(typescript: TslabTypescript): CreateBuilderProgram {
  return (rootNames, options, host, oldBuilder, configFileParsingDiagnostics, projectReferences) => {
    // No root names: the watch only re-reports config diagnostics on the program it has.
    const program =
      rootNames === undefined || options === undefined
        ? oldBuilder!.getProgram()
        : typescript.createProgram({
            rootNames,
            options,
            host,
            oldProgram: oldBuilder?.getProgramOrUndefined(),
            configFileParsingDiagnostics,
            projectReferences,
          });
    return leanBuilder(typescript, program);
  };
}

function leanBuilder(typescript: TslabTypescript, program: ts.Program): TslabBuilderProgram {
  const options = program.getCompilerOptions();
  let state: BuilderState | undefined;
  return {
    getProgram: () => program,
    getProgramOrUndefined: () => program,
    getCompilerOptions: () => options,
    getSourceFiles: () => program.getSourceFiles(),
    getSourceFile: (fileName) => {
      const file = program.getSourceFile(fileName);
      // tslab reads a cell's top-level names (file.locals) right after a rebuild; the default
      // builder had bound every file by then. Binding is idempotent and checker-independent.
      if (file) typescript.bindSourceFile(file, options);
      return file;
    },
    emit: (file, writeFile, cancellationToken, emitOnlyDts, transformers) =>
      program.emit(file, writeFile, cancellationToken, emitOnlyDts, transformers),
    getAllDependencies: (file) =>
      typescript.BuilderState.getAllDependencies((state ??= lazyReferences(typescript, program)), program, file),
  };
}

/** A BuilderState whose reference map is filled in per file, by TypeScript, on first use. */
function lazyReferences(typescript: TslabTypescript, program: ts.Program): BuilderState {
  const known = new Map<string, ReadonlySet<string> | undefined>();
  // TypeScript lists the program's ambient modules afresh for every file it references;
  // they cannot change within one program, so list them once.
  const checker = program.getTypeChecker();
  let ambientModules: ts.Symbol[] | undefined;
  const sameChecker = Object.create(checker, {
    getAmbientModules: { value: () => (ambientModules ??= checker.getAmbientModules()) },
  }) as ts.TypeChecker;
  const referencesOf = (path: string): ReadonlySet<string> | undefined => {
    const file = program.getSourceFileByPath(path as ts.Path);
    if (!file) return undefined;
    // TypeScript's BuilderState over a one-file view of the program: its own getReferencedFiles.
    const oneFile = Object.create(program, {
      getSourceFiles: { value: () => [file] },
      getTypeChecker: { value: () => sameChecker },
    }) as ts.Program;
    return typescript.BuilderState.create(oneFile, undefined, true).referencedMap?.getValues(path);
  };
  return {
    referencedMap: {
      getValues: (path) => {
        if (!known.has(path)) known.set(path, referencesOf(path));
        return known.get(path);
      },
    },
  };
}

/**
 * TypeScript as tslab's converter should see it: every export forwarded live (the same
 * objects, e.g. `sys`, read at each use), except createWatchCompilerHost, which fills in
 * `createProgram` where tslab passes none.
 * @param typescript tslab's TypeScript module
 * @param createProgram the builder to use, or undefined for TypeScript's own (read per host)
 */
export function typescriptWithBuilder(
  typescript: Record<string, unknown>,
  createProgram: () => CreateBuilderProgram | undefined,
): Record<string, unknown> {
  const createWatchCompilerHost = typescript.createWatchCompilerHost as (...args: unknown[]) => unknown;
  const withBuilder = (...args: unknown[]): unknown => {
    // (rootFiles, options, system, createProgram, ...): tslab passes createProgram = null
    if (args[3] == null) args[3] = createProgram();
    return createWatchCompilerHost(...args);
  };
  const forwarding: Record<string, unknown> = {};
  for (const name of Object.keys(typescript)) {
    const get = name === "createWatchCompilerHost" ? () => withBuilder : () => typescript[name];
    Object.defineProperty(forwarding, name, { enumerable: true, get });
  }
  return forwarding;
}
