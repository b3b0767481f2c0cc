import { parse, type Node as AcornNode } from "acorn";
import { transform } from "sucrase";
import { InputError } from "../../../core/errors";

/**
 * One cell's TypeScript turned into the body of a function the live kernel can run with
 * tslab's semantics (node_modules/tslab/dist/converter.js and executor.js):
 * - every top-level name the cell declares (variables, functions, classes, enums, imports)
 *   becomes a shared name that later cells see; a later cell may declare it again;
 * - `export` in a cell is allowed and exports under the given name;
 * - the last expression statement is printed with console.log when it is not null/undefined;
 * - `import … from "microdosing-workbook"` becomes a lookup in the bundled library;
 * - top-level `await` works.
 * Types are stripped by sucrase (fast, no type checking; the checker is loaded lazily, see
 * typecheck.ts); acorn parses the result to find the names. Line numbers are preserved, so
 * an error in the code is reported at the line the student sees.
 */
export interface PreparedCell {
  /** The function body (sloppy mode, run under `with (scope)`); same line numbers as the cell. */
  body: string;
  /** Top-level names the cell declares, published to the shared scope. */
  names: string[];
  /** `export { a as b }` aliases: shared name → local name. */
  aliases: Record<string, string>;
  /** Names the cell exports explicitly (`export const …`, `export { … }`): the answers check() judges. */
  exported: string[];
  /** True when the cell awaits at top level. */
  hasTopLevelAwait: boolean;
  /** True when the last statement is an expression whose value is printed. */
  printsLast: boolean;
}

/** A syntax error at a 1-based line and column of the cell. */
export class CellSyntaxError extends Error {
  override readonly name = "SyntaxError";
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

/** Names of the helpers the body calls; chosen so a student's code will not collide with them. */
export const RUNTIME = "__mdwLive";

interface Edit {
  start: number;
  end: number;
  text: string;
}

type AnyNode = AcornNode & Record<string, unknown>;

/**
 * Prepares one cell.
 * @param code the cell's TypeScript source
 * @throws {CellSyntaxError} when the cell does not parse (line and column in the cell)
 * @throws {InputError} when code is not a string
 * @example prepareCell("const a = 1;\na + 1").names // => ["a"]
 */
export function prepareCell(code: string): PreparedCell {
  if (typeof code !== "string") throw new InputError("prepareCell", "code", "must be a string", code);
  let js: string;
  try {
    js = transform(code, {
      transforms: ["typescript"],
      disableESTransforms: true,
      keepUnusedImports: true,
      preserveDynamicImport: true,
    }).code;
  } catch (error) {
    throw syntaxErrorFrom(error);
  }
  let program: AnyNode;
  try {
    program = parse(js, {
      ecmaVersion: "latest",
      sourceType: "module",
      allowAwaitOutsideFunction: true,
      allowReturnOutsideFunction: false,
      locations: true,
    }) as unknown as AnyNode;
  } catch (error) {
    throw syntaxErrorFrom(error);
  }
  const statements = program.body as AnyNode[];
  const names = new Set<string>();
  const aliases: Record<string, string> = {};
  const exported = new Set<string>();
  const edits: Edit[] = [];
  const hoisted: string[] = [];
  const imports: string[] = [];
  // Leading ";" so a declaration without its semicolon still ends before the call.
  const publish = (list: readonly string[], as: readonly string[] = list) =>
    `;${list.map((n, i) => `${RUNTIME}.set(${JSON.stringify(as[i])}, () => ${n});`).join(" ")}`;

  for (const stmt of statements) {
    const declared: string[] = [];
    switch (stmt.type) {
      case "ImportDeclaration": {
        const source = JSON.stringify((stmt.source as { value: string }).value);
        const parts: string[] = [];
        for (const spec of stmt.specifiers as AnyNode[]) {
          const local = (spec.local as { name: string }).name;
          declared.push(local);
          if (spec.type === "ImportNamespaceSpecifier") parts.push(`const ${local} = ${RUNTIME}.require(${source});`);
          else if (spec.type === "ImportDefaultSpecifier")
            parts.push(`const ${local} = ${RUNTIME}.importDefault(${RUNTIME}.require(${source}));`);
          else {
            const imported = spec.imported as { name?: string; value?: string };
            const key = imported.name ?? imported.value ?? local;
            parts.push(`const ${local} = ${RUNTIME}.importNamed(${source}, ${JSON.stringify(key)});`);
          }
        }
        if (parts.length === 0) parts.push(`${RUNTIME}.require(${source});`);
        // Imports are hoisted, as TypeScript's CommonJS output puts every require first.
        imports.push(`${parts.join(" ")} ${publish(declared)}`);
        edits.push({ start: stmt.start, end: stmt.end, text: keepLines(js, stmt, "") });
        break;
      }
      case "ExportNamedDeclaration": {
        const declaration = stmt.declaration as AnyNode | null;
        if (declaration) {
          edits.push({ start: stmt.start, end: declaration.start, text: " ".repeat(declaration.start - stmt.start) });
          declared.push(...declaredNames(declaration));
          for (const n of declaredNames(declaration)) exported.add(n);
          if (declaration.type === "FunctionDeclaration") hoisted.push(...declaredNames(declaration));
          else edits.push({ start: stmt.end, end: stmt.end, text: ` ${publish(declaredNames(declaration))}` });
        } else {
          if (stmt.source)
            throw new CellSyntaxError(
              "re-exporting from another module is not supported in a cell",
              stmt.loc?.start.line ?? 1,
              (stmt.loc?.start.column ?? 0) + 1,
            );
          for (const spec of stmt.specifiers as AnyNode[]) {
            const local = (spec.local as { name: string }).name;
            const target = spec.exported as { name?: string; value?: string };
            const as = target.name ?? target.value ?? local;
            if (as !== local) aliases[as] = local;
            exported.add(as);
          }
          edits.push({ start: stmt.start, end: stmt.end, text: keepLines(js, stmt, "") });
        }
        break;
      }
      case "ExportDefaultDeclaration": {
        const declaration = stmt.declaration as AnyNode;
        const named =
          (declaration.type === "FunctionDeclaration" || declaration.type === "ClassDeclaration") && declaration.id;
        if (named) {
          edits.push({ start: stmt.start, end: declaration.start, text: " ".repeat(declaration.start - stmt.start) });
          declared.push(...declaredNames(declaration));
          aliases.default = declaredNames(declaration)[0];
        } else {
          edits.push({ start: stmt.start, end: declaration.start, text: `${RUNTIME}.setValue("default", ` });
          edits.push({ start: stmt.end, end: stmt.end, text: ");" });
        }
        break;
      }
      case "ExportAllDeclaration":
        throw new CellSyntaxError(
          "re-exporting from another module is not supported in a cell",
          stmt.loc?.start.line ?? 1,
          (stmt.loc?.start.column ?? 0) + 1,
        );
      case "FunctionDeclaration":
        declared.push(...declaredNames(stmt));
        hoisted.push(...declaredNames(stmt));
        break;
      case "VariableDeclaration":
      case "ClassDeclaration": {
        const list = declaredNames(stmt);
        declared.push(...list);
        edits.push({ start: stmt.end, end: stmt.end, text: ` ${publish(list)}` });
        break;
      }
      default:
        break;
    }
    for (const n of declared) names.add(n);
  }

  // tslab stores the last expression statement (skipping `export { … }`) and prints it.
  let printsLast = false;
  for (let i = statements.length - 1; i >= 0; i--) {
    const stmt = statements[i];
    if (stmt.type === "ExportNamedDeclaration" && !stmt.declaration) continue;
    if (stmt.type === "ExpressionStatement") {
      const expression = stmt.expression as AnyNode;
      edits.push({ start: stmt.start, end: expression.start, text: `${RUNTIME}.last = (` });
      edits.push({
        start: expression.end,
        end: stmt.end,
        text: `);${js.slice(expression.end, stmt.end).replace(/[^\n]/g, "")}`,
      });
      printsLast = true;
    }
    break;
  }

  const hasTopLevelAwait = containsTopLevelAwait(program);
  const body = applyEdits(js, edits);
  // Functions are hoisted: publish them before the cell's first statement, like TypeScript's
  // CommonJS output; every name again at the end, for values reassigned later in the cell.
  const all = [...names];
  const prologue = `${imports.join(" ")}${hoisted.length ? publish(hoisted) : ""}${imports.length || hoisted.length ? "; " : ""}`;
  const aliasNames = Object.keys(aliases);
  const epilogue = publish([...all, ...aliasNames.map((a) => aliases[a])], [...all, ...aliasNames]);
  return {
    body: `${prologue}${body}\n${epilogue}`,
    names: all,
    aliases,
    exported: [...exported],
    hasTopLevelAwait,
    printsLast,
  };
}

/** The names a declaration binds at top level (patterns included). */
function declaredNames(node: AnyNode): string[] {
  if (node.type === "FunctionDeclaration" || node.type === "ClassDeclaration") {
    const id = node.id as { name: string } | null;
    return id ? [id.name] : [];
  }
  if (node.type === "VariableDeclaration")
    return (node.declarations as AnyNode[]).flatMap((d) => patternNames(d.id as AnyNode));
  return [];
}

function patternNames(node: AnyNode | null): string[] {
  if (!node) return [];
  switch (node.type) {
    case "Identifier":
      return [(node as unknown as { name: string }).name];
    case "ObjectPattern":
      return (node.properties as AnyNode[]).flatMap((p) =>
        patternNames((p.type === "RestElement" ? p.argument : p.value) as AnyNode),
      );
    case "ArrayPattern":
      return (node.elements as (AnyNode | null)[]).flatMap((e) => patternNames(e));
    case "RestElement":
      return patternNames(node.argument as AnyNode);
    case "AssignmentPattern":
      return patternNames(node.left as AnyNode);
    default:
      return [];
  }
}

/** `await` (or `for await`) outside any function: the cell then runs as an async function. */
function containsTopLevelAwait(program: AnyNode): boolean {
  const stack: unknown[] = [...(program.body as AnyNode[])];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      stack.push(...node);
      continue;
    }
    if (typeof node !== "object" || node === null || typeof (node as AnyNode).type !== "string") continue;
    const n = node as AnyNode;
    if (n.type === "AwaitExpression" || (n.type === "ForOfStatement" && n.await === true)) return true;
    if (n.type === "FunctionDeclaration" || n.type === "FunctionExpression" || n.type === "ArrowFunctionExpression")
      continue;
    for (const [key, value] of Object.entries(n)) if (key !== "loc" && typeof value === "object") stack.push(value);
  }
  return false;
}

/** Replacement text that keeps the original's line breaks, so later lines keep their numbers. */
function keepLines(js: string, node: AnyNode, text: string): string {
  const breaks = js.slice(node.start, node.end).replace(/[^\n]/g, "");
  return `${text}${breaks}`;
}

function applyEdits(js: string, edits: Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = "";
  let at = 0;
  for (const edit of sorted) {
    out += js.slice(at, edit.start) + edit.text;
    at = Math.max(at, edit.end);
  }
  return out + js.slice(at);
}

function syntaxErrorFrom(error: unknown): CellSyntaxError {
  const e = error as { message?: string; loc?: { line: number; column: number } };
  const raw = String(e.message ?? error);
  // sucrase and acorn both end their messages with "(line:column)".
  const match = /\((\d+):(\d+)\)\s*$/.exec(raw);
  const line = e.loc?.line ?? (match ? Number(match[1]) : 1);
  const column = (e.loc?.column ?? (match ? Number(match[2]) : 0)) + 1;
  return new CellSyntaxError(raw.replace(/\s*\(\d+:\d+\)\s*$/, ""), line, column);
}
