import { InputError } from "../../../core/errors";
import { CellSyntaxError, prepareCell, RUNTIME } from "./transform";

/**
 * The live kernel's state: the names the cells declared so far, shared in run order as in
 * tslab, and the modules `import` may name. A cell runs as a sloppy-mode function under
 * `with (scope)`: its own declarations are locals (so a later cell may declare a name
 * again), every other name is looked up in the shared scope first, then in the globals.
 * Runs in a Web Worker in the browser and in Node under test; it never touches the DOM.
 */

/** Where an error happened in the cells, for "Cell 4, line 2: …". */
export interface CellLocation {
  label: string;
  line: number;
}

/** An error thrown by a cell's code, with the cell frame it came from. */
export class CellRunError extends Error {
  constructor(
    override readonly cause: unknown,
    readonly location: CellLocation | undefined,
    readonly frames: string[],
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = cause instanceof Error ? cause.name : "Error";
  }
}

/** A syntax error of a cell, located. */
export class CellCompileError extends Error {
  override readonly name = "SyntaxError";
  constructor(
    message: string,
    readonly location: CellLocation,
  ) {
    super(message);
  }
}

type CellFunction = (scope: Record<string, unknown>, runtime: CellRuntime) => unknown;

interface CellRuntime {
  last: unknown;
  set(name: string, get: () => unknown): void;
  setValue(name: string, value: unknown): void;
  require(specifier: string): unknown;
  importNamed(specifier: string, name: string): unknown;
  importDefault(module: unknown): unknown;
}

/** Lines of the Function source before the cell's first line (see compile). */
const HEADER_LINES = 3;
const SOURCE_PREFIX = "mdw-live-cell-";

export class CellSession {
  private readonly scope: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  /** Names cells exported explicitly: the "module" check() judges, like exercises/chNN.ts. */
  private readonly exported = new Set<string>();
  private readonly cells = new Map<number, { label: string; lines: number }>();
  private runs = 0;

  /**
   * @param modules what `import … from "<name>"` gives, by module name
   * @throws {InputError} when modules is not an object of objects
   */
  constructor(private readonly modules: Readonly<Record<string, Readonly<Record<string, unknown>>>>) {
    if (typeof modules !== "object" || modules === null)
      throw new InputError("CellSession", "modules", "must be an object of module namespaces", modules);
  }

  /** The names the cells declared or exported so far (a copy). */
  names(): Record<string, unknown> {
    return { ...this.scope };
  }

  /** The names cells exported (`export const ex2_1_… = …`), with their current values: what check() judges. */
  exports(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const name of this.exported) if (name in this.scope) out[name] = this.scope[name];
    return out;
  }

  /**
   * Runs one cell: compiles it, runs it (awaiting top-level await) and prints its last
   * expression with console.log when it is not null or undefined, as tslab does.
   * @param code the cell's TypeScript
   * @param label the cell's name in errors ("Cell 4")
   * @throws {CellCompileError} for a syntax error, {CellRunError} when the code throws
   */
  async run(code: string, label: string): Promise<void> {
    if (typeof code !== "string") throw new InputError("CellSession.run", "code", "must be a string", code);
    if (typeof label !== "string") throw new InputError("CellSession.run", "label", "must be a string", label);
    const id = ++this.runs;
    this.cells.set(id, { label, lines: code.split("\n").length });
    let prepared;
    try {
      prepared = prepareCell(code);
    } catch (error) {
      if (error instanceof CellSyntaxError) throw new CellCompileError(error.message, { label, line: error.line });
      throw error;
    }
    let fn: CellFunction;
    try {
      fn = this.compile(prepared.body, prepared.hasTopLevelAwait, id);
    } catch (error) {
      // The rewritten cell did not compile (e.g. a strict-mode rule acorn let through).
      throw new CellCompileError(error instanceof Error ? error.message : String(error), { label, line: 1 });
    }
    const runtime = this.runtime();
    for (const name of prepared.exported) this.exported.add(name);
    try {
      const result = fn(this.scope, runtime);
      if (prepared.hasTopLevelAwait) await result;
    } catch (error) {
      throw this.located(error);
    }
    if (prepared.printsLast && runtime.last != null) console.log(runtime.last);
  }

  /** Forget every name (a kernel restart). */
  reset(): void {
    for (const key of Object.keys(this.scope)) delete this.scope[key];
    this.exported.clear();
  }

  private compile(body: string, isAsync: boolean, id: number): CellFunction {
    // Sloppy mode on purpose: tslab runs cells without "use strict" (noImplicitUseStrict),
    // and `with` is how earlier cells' names stay visible without rewriting identifiers.
    const source = `with (__mdwScope) { return (${isAsync ? "async " : ""}function () {\n${body}\n}).call(undefined); }\n//# sourceURL=${SOURCE_PREFIX}${id}.js`;
    return new Function("__mdwScope", RUNTIME, source) as CellFunction;
  }

  private runtime(): CellRuntime {
    const scope = this.scope;
    const modules = this.modules;
    const load = (specifier: string): Readonly<Record<string, unknown>> => {
      const mod = modules[specifier];
      if (mod === undefined) {
        const known = Object.keys(modules)
          .map((m) => `"${m}"`)
          .join(", ");
        throw Object.assign(new Error(`Cannot find module '${specifier}': the live course provides ${known}`), {
          code: "MODULE_NOT_FOUND",
        });
      }
      return mod;
    };
    return {
      last: undefined,
      set(name, get) {
        try {
          scope[name] = get();
        } catch {
          // Not initialised yet (the cell threw before its declaration): tslab would not have exported it either.
        }
      },
      setValue(name, value) {
        scope[name] = value;
      },
      require: load,
      importNamed(specifier, name) {
        const mod = load(specifier);
        if (!(name in mod))
          throw new SyntaxError(`The module '${specifier}' does not provide an export named '${name}'`);
        return mod[name];
      },
      importDefault(mod) {
        const m = mod as { __esModule?: boolean; default?: unknown };
        return m && m.__esModule ? m.default : mod;
      },
    };
  }

  /** Wraps a thrown value with the innermost cell frame of its stack. */
  private located(error: unknown): CellRunError {
    const stack = error instanceof Error && typeof error.stack === "string" ? error.stack : "";
    const frames: string[] = [];
    let location: CellLocation | undefined;
    const pattern = new RegExp(`${SOURCE_PREFIX}(\\d+)\\.js:(\\d+):(\\d+)`);
    for (const line of stack.split("\n")) {
      const match = pattern.exec(line);
      if (!match) continue;
      const cell = this.cells.get(Number(match[1]));
      const cellLine = Number(match[2]) - HEADER_LINES;
      // Frames outside the cell's own lines are the wrapper's; the column is not reported
      // because the rewrite may shift it (line numbers are kept exactly).
      if (cell === undefined || cellLine < 1 || cellLine > cell.lines) continue;
      const where = { label: cell.label, line: cellLine };
      location ??= where;
      const name = /^\s*at (?:async )?([^\s(]+) \(/.exec(line)?.[1]?.replace(/^Object\./, "");
      frames.push(
        `    at ${name && !name.startsWith("eval") && name !== "<anonymous>" ? `${name} ` : ""}(${where.label}, line ${where.line})`,
      );
    }
    return new CellRunError(error, location, frames);
  }
}
