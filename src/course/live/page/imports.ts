/**
 * Import statements, between the two places an answer lives: a notebook cell imports the
 * course library as a package (`from "microdosing-workbook"`, `".../workbook"`), an
 * exercises/chNN.ts file imports it by path (`from "../src"`,
 * `"../src/workbook/not-attempted"`). Downloading answers turns the first into the second,
 * loading them back the reverse. Only top-level `import … from "…"` statements are read,
 * which is all a work cell or an exercises file holds.
 */

/** The package name notebooks (and the live page) import the library by. */
export const PACKAGE = "microdosing-workbook";
/** The workbook entry point of that package (check, notAttempted). */
export const WORKBOOK_PACKAGE = `${PACKAGE}/workbook`;

/** One name an import statement binds. */
export interface ImportedName {
  /** the name exported by the module ("default" for a default import, "*" for a namespace) */
  imported: string;
  /** the name bound in the importing file */
  local: string;
  typeOnly: boolean;
}

/** One top-level import statement. */
export interface ImportStatement {
  /** the statement as written, from `import` to its optional `;` */
  text: string;
  start: number;
  end: number;
  specifier: string;
  names: ImportedName[];
}

// `import [type] <clause> from "spec";` or `import "spec";` at the start of a line. The
// clause never holds a quote or a semicolon, so a match cannot run into the next statement.
const IMPORT =
  /^[ \t]*import(?:\s+(type)\s+|\s+)([^;"'`]*?)\s*from\s*(["'])([^"'\n]+)\3[ \t]*;?|^[ \t]*import\s*(["'])([^"'\n]+)\5[ \t]*;?/gm;

function parseClause(clause: string, statementTypeOnly: boolean): ImportedName[] {
  const names: ImportedName[] = [];
  let rest = clause.trim();
  const braces = /\{([^}]*)\}/.exec(rest);
  if (braces) {
    for (const part of braces[1].split(",")) {
      const m = /^\s*(type\s+)?([\w$]+)(?:\s+as\s+([\w$]+))?\s*$/.exec(part);
      if (m) names.push({ imported: m[2], local: m[3] ?? m[2], typeOnly: statementTypeOnly || Boolean(m[1]) });
    }
    rest = rest.replace(braces[0], "");
  }
  const namespace = /\*\s*as\s+([\w$]+)/.exec(rest);
  if (namespace) {
    names.push({ imported: "*", local: namespace[1], typeOnly: statementTypeOnly });
    rest = rest.replace(namespace[0], "");
  }
  const fallback = /^\s*([\w$]+)\s*,?\s*$/.exec(rest);
  if (fallback) names.push({ imported: "default", local: fallback[1], typeOnly: statementTypeOnly });
  return names;
}

/**
 * The top-level import statements of a source text, in order.
 * @param source TypeScript source
 * @example findImports('import { math, type Unit } from "../src";\nconst x = 1;')[0].names.map((n) => n.local) // => ["math", "Unit"]
 */
export function findImports(source: string): ImportStatement[] {
  const found: ImportStatement[] = [];
  for (const m of source.matchAll(IMPORT)) {
    const start = m.index ?? 0;
    const specifier = m[4] ?? m[6];
    const names = m[4] !== undefined ? parseClause(m[2], m[1] === "type") : [];
    found.push({ text: m[0].trim(), start, end: start + m[0].length, specifier, names });
  }
  return found;
}

/** The source with its import statements taken out (and the blank lines they leave at the top). */
export function withoutImports(source: string): string {
  let out = "";
  let last = 0;
  for (const statement of findImports(source)) {
    out += source.slice(last, statement.start);
    last = statement.end;
  }
  return (out + source.slice(last)).replace(/^(?:[ \t]*\n)+/, "");
}

/** The module a notebook cell names for an exercises-file specifier. */
export function notebookSpecifier(fileSpecifier: string): string {
  if (/^\.\.\/src\/workbook(\/|$)/.test(fileSpecifier)) return WORKBOOK_PACKAGE;
  if (/^\.\.\/src(\/|$)/.test(fileSpecifier)) return PACKAGE;
  return fileSpecifier;
}

/**
 * The module an exercises file names for a notebook specifier. `origins` maps names the
 * released stubs import to the path they import them from ("notAttempted" →
 * "../src/workbook/not-attempted"), so such a name goes back where it came from; other
 * names of the library come from "../src" (the grader's library entry exports them all).
 */
export function fileSpecifier(notebookSpec: string, name: string, origins: ReadonlyMap<string, string>): string {
  const origin = origins.get(name);
  if (origin !== undefined && notebookSpecifier(origin) === notebookSpec) return origin;
  if (notebookSpec === PACKAGE) return "../src";
  if (notebookSpec === WORKBOOK_PACKAGE) return "../src/workbook";
  return notebookSpec;
}

/** Renders import statements grouping named imports by module: `import { a, type B } from "m";`. */
export function renderImports(entries: ReadonlyArray<{ specifier: string; name: ImportedName }>): string[] {
  const named = new Map<string, string[]>();
  const lines: string[] = [];
  for (const { specifier, name } of entries) {
    if (name.imported === "*")
      lines.push(`import ${name.typeOnly ? "type " : ""}* as ${name.local} from "${specifier}";`);
    else if (name.imported === "default")
      lines.push(`import ${name.typeOnly ? "type " : ""}${name.local} from "${specifier}";`);
    else {
      const list = named.get(specifier) ?? [];
      const alias = name.imported === name.local ? name.local : `${name.imported} as ${name.local}`;
      const part = `${name.typeOnly ? "type " : ""}${alias}`;
      if (!list.includes(part)) list.push(part);
      named.set(specifier, list);
    }
  }
  return [...[...named].map(([specifier, list]) => `import { ${list.join(", ")} } from "${specifier}";`), ...lines];
}

/** True when `name` appears in `code` as a whole identifier. */
export function mentions(code: string, name: string): boolean {
  return new RegExp(`(^|[^\\w$])${name.replace(/\$/g, "\\$")}(?![\\w$])`).test(code);
}
