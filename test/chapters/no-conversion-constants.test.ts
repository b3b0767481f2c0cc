/**
 * Issue 14: no conversion constant is left in a notebook. Students write quantities with
 * their units ("100 ug", "1 pg/mL") and print them in the unit they want
 * (`formatQuantity(q, "ng/mL")`, `.to("ng*h/mL")`); they never multiply by a factor between
 * units. This test reads every notebook's code cells with the TypeScript parser and reports
 * the patterns that betray a hand conversion:
 *
 * - `per-identifier`: a name built as unit-Per-unit, e.g. `PG_PER_ML`, `CEILING_MG_PER_DAY`, `ngPerMl`;
 * - `factor-of-one`: a factor computed from one unit, e.g. `inUnit("1 mg/L", "pg/mL")`;
 * - `scale-factor`: 1e-3, 1e-6, 1000, 1e6 … multiplying or dividing something named or
 *   commented with a unit (`microdoseUg / 1000`, `inUnit(a, "dpm") * 1000`);
 * - `exponent-quantity`: a number in exponent notation given where a quantity goes: a call
 *   argument (`simulateTracer(1e-6)`) or a dimension-named key or variable (`lloq: 5e-4`);
 * - `unit-comment`: a comment saying a number is written in another unit
 *   (`// 1 pg/mL, written in mg/L`, `// 100 µg, in the mg the PK functions use`).
 *
 * Dimensionless numbers stay legal: a probability (`phase0ChemicalRisk: 1e-6`), a fraction
 * scaled to ppm or percent (`drugFraction * 1e6`), counts, ratios.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { math } from "../../src/core/units";
import { courseNotebooks } from "../platform/notebook-files";

/** One finding: where, which rule, and the code that triggered it. */
interface Finding {
  readonly cell: number;
  readonly line: number;
  readonly rule: "per-identifier" | "factor-of-one" | "scale-factor" | "exponent-quantity" | "unit-comment";
  readonly code: string;
}

/** Unit words as they appear in identifiers (`microdoseUg`, `PG_PER_ML`, `tauH`), compared lower-case. */
const UNIT_WORDS = new Set([
  ...["fg", "pg", "ng", "ug", "mcg", "mg", "g", "kg"],
  ...["ml", "dl", "l"],
  ...["fm", "pm", "nm", "um", "mm", "m", "mol", "mmol", "umol", "nmol", "pmol"],
  ...["s", "sec", "min", "h", "hr", "hour", "day", "week"],
  ...["bq", "kbq", "mbq", "dpm", "ci", "uci", "nci", "sv", "msv", "usv"],
]);

/** Keys and variable names that hold a quantity with a dimension. */
const DIMENSION_NAMES =
  /^(lloq|uloq|dose|doses|microdose|therapeuticdose|conc|concentration|c0|cmax|volume|v|amount|mass|km|vmax|cl|clearance|auc|time|duration|tau|halflife|kd|ec50|activity)$/i;

/** 10^±3, 10^±6, 10^±9, 10^±12: the factors between metric prefixes. */
function isPrefixFactor(value: number): boolean {
  const k = Math.log10(Math.abs(value));
  return Number.isFinite(k) && Math.abs(k - Math.round(k)) < 1e-9 && Math.round(k) !== 0 && Math.round(k) % 3 === 0;
}

/** `microdoseUg` → ["microdose", "ug"]; `CEILING_MG_PER_DAY` → ["ceiling", "mg", "per", "day"]. */
function words(identifier: string): string[] {
  return identifier
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .split(/[_$]+/)
    .filter((w) => w !== "")
    .map((w) => w.toLowerCase());
}

function isPerIdentifier(name: string): boolean {
  const w = words(name);
  return w.some(
    (x, i) => x === "per" && i > 0 && UNIT_WORDS.has(w[i - 1]) && i + 1 < w.length && UNIT_WORDS.has(w[i + 1]),
  );
}

/** A string that mathjs reads as a unit or a quantity ("dpm", "mg/L", "1 pg/mL"). */
function isUnitString(text: string): boolean {
  if (!/[a-zA-Zµ]/.test(text) || text.length > 40) return false;
  try {
    math.unit(text.trim());
    return true;
  } catch {
    return false;
  }
}

/** True when an expression names a unit: an identifier with a unit word, or a unit string. */
function carriesUnitName(node: ts.Node): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(n) && words(n.text).some((w) => UNIT_WORDS.has(w) && w.length > 1)) found = true;
    else if (ts.isStringLiteral(n) && isUnitString(n.text)) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

/**
 * The unit printed right after an expression in a template string, as in `${(1000 * c).toFixed(1)} ng/mL`:
 * the first word of the text that follows the substitution the expression sits in, when mathjs reads it as a unit.
 */
function printedUnitAfter(node: ts.Node): boolean {
  let n: ts.Node = node;
  while (
    n.parent !== undefined &&
    (ts.isParenthesizedExpression(n.parent) ||
      ts.isPropertyAccessExpression(n.parent) ||
      ts.isCallExpression(n.parent) ||
      ts.isBinaryExpression(n.parent))
  )
    n = n.parent;
  if (n.parent === undefined || !ts.isTemplateSpan(n.parent)) return false;
  const word = /^\s*([^\s,;:()]+)/.exec(n.parent.literal.text)?.[1];
  return word !== undefined && isUnitString(word);
}

/** A comment that names a unit: "mg", "pg/mL", "µg", "1/h" … */
const UNIT_IN_COMMENT = /\b(fg|pg|ng|ug|µg|mg|kg|mL|dpm|Bq|kBq)\b|\bmg\/L\b/;
/** A comment that says a number is written in another unit than the one it stands for. */
const WRITTEN_IN = /\b(written |given |expressed )?in (the )?(fg|pg|ng|ug|µg|mg|g|kg)\b/i;

/** Every finding in one cell's code. */
export function scanCell(code: string, cell = 0): Finding[] {
  const file = ts.createSourceFile("cell.ts", code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const findings: Finding[] = [];
  const lineOf = (pos: number): number => file.getLineAndCharacterOfPosition(pos).line;
  const lines = code.split("\n");
  const commentsByLine = new Map<number, string>();
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, code);
  // Comments, found with the TypeScript scanner so that "//" inside a string does not count.
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind === ts.SyntaxKind.SingleLineCommentTrivia || kind === ts.SyntaxKind.MultiLineCommentTrivia) {
      const line = lineOf(scanner.getTokenStart());
      commentsByLine.set(line, `${commentsByLine.get(line) ?? ""} ${scanner.getTokenText()}`);
    }
  }
  const add = (node: ts.Node, rule: Finding["rule"]): void => {
    const line = lineOf(node.getStart(file));
    findings.push({ cell, line: line + 1, rule, code: lines[line].trim() });
  };
  const numeric = (n: ts.Node): n is ts.NumericLiteral => ts.isNumericLiteral(n);
  const exponentLiteral = (n: ts.Node): boolean => numeric(n) && /e/i.test(n.getText(file));
  const visit = (node: ts.Node): void => {
    // per-identifier: names declared as unit-Per-unit.
    if (
      (ts.isVariableDeclaration(node) ||
        ts.isParameter(node) ||
        ts.isPropertyAssignment(node) ||
        ts.isShorthandPropertyAssignment(node) ||
        ts.isPropertySignature(node)) &&
      node.name !== undefined &&
      ts.isIdentifier(node.name) &&
      isPerIdentifier(node.name.text)
    )
      add(node, "per-identifier");
    // factor-of-one: inUnit("1 mg/L", "pg/mL") and the like.
    if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === "inUnit" &&
      node.arguments.length > 0 &&
      ts.isStringLiteral(node.arguments[0]) &&
      /^\s*1\s+\S/.test(node.arguments[0].text)
    )
      add(node, "factor-of-one");
    // scale-factor: a prefix factor times or over something with a unit.
    if (
      ts.isBinaryExpression(node) &&
      [
        ts.SyntaxKind.AsteriskToken,
        ts.SyntaxKind.SlashToken,
        ts.SyntaxKind.AsteriskEqualsToken,
        ts.SyntaxKind.SlashEqualsToken,
      ].includes(node.operatorToken.kind)
    ) {
      for (const [factor, other] of [
        [node.right, node.left],
        [node.left, node.right],
      ] as const) {
        if (
          numeric(factor) &&
          isPrefixFactor(Number(factor.text)) &&
          (carriesUnitName(other) ||
            printedUnitAfter(node) ||
            UNIT_IN_COMMENT.test(commentsByLine.get(lineOf(node.getStart(file))) ?? ""))
        )
          add(node, "scale-factor");
      }
    }
    // exponent-quantity: 1e-6 given as a call argument, or under a dimension-named key or variable.
    if (ts.isCallExpression(node))
      for (const arg of node.arguments) if (exponentLiteral(arg)) add(arg, "exponent-quantity");
    if (
      (ts.isPropertyAssignment(node) || ts.isVariableDeclaration(node)) &&
      node.initializer !== undefined &&
      exponentLiteral(node.initializer) &&
      ts.isIdentifier(node.name) &&
      (DIMENSION_NAMES.test(node.name.text) ||
        words(node.name.text).some((w) => w === "lloq" || (UNIT_WORDS.has(w) && w.length > 1)))
    )
      add(node, "exponent-quantity");
    // unit-comment: a number given to a name, on a line whose comment says it is written in another unit.
    if (
      (ts.isVariableDeclaration(node) || ts.isPropertyAssignment(node)) &&
      node.initializer !== undefined &&
      numeric(node.initializer) &&
      WRITTEN_IN.test(commentsByLine.get(lineOf(node.initializer.getStart(file))) ?? "")
    )
      add(node, "unit-comment");
    ts.forEachChild(node, visit);
  };
  visit(file);
  // One finding per line and rule is enough to point at it.
  return findings.filter(
    (f, i) => findings.findIndex((g) => g.line === f.line && g.rule === f.rule && g.cell === f.cell) === i,
  );
}

/** The code cells of a notebook, with their index. */
function codeCells(file: string): { index: number; code: string }[] {
  const nb = JSON.parse(readFileSync(file, "utf8")) as { cells: { cell_type: string; source: string | string[] }[] };
  return nb.cells.flatMap((c, index) =>
    c.cell_type === "code" ? [{ index, code: Array.isArray(c.source) ? c.source.join("") : c.source }] : [],
  );
}

describe("the rule", () => {
  it("catches the conversions issue 14 found in the notebooks", () => {
    const planted = [
      'const PG_PER_ML = inUnit("1 mg/L", "pg/mL");',
      "const NG_PER_ML = 1e6;",
      "const AMS_LLOQ = 1e-6; // 1 pg/mL, written in mg/L",
      "const LCMS_LLOQ = 5e-4;      // 0.5 ng/mL in mg/L",
      "const microDoseMg = 0.1; // 100 µg, in the mg the PK functions use",
      "const microCu = cuPerMg * microdoseUg / 1000;",
      "const CEILING_MG_PER_DAY = 300;",
      "const withAms = ncaOf(simulateTracer(1e-6), 'iv-bolus', 0.1, 1e-6);",
      "simulatePopulation({ lloq: 5e-4, dose: 100 });",
      'console.log(`${sig(inUnit(background.activity, "dpm") * 1000)} dpm per gram`);',
      "const ngPerMl = (mgPerL: number): number => mgPerL * 1000;",
      "const conc = x * 1e-6; // mg/L",
      "console.log(`Cmax = ${(1000 * atMicro.cmax).toPrecision(4)} ng/mL`);",
    ];
    const rules = planted.map((code) => scanCell(code).map((f) => f.rule));
    expect(rules).toEqual([
      ["per-identifier", "factor-of-one"],
      ["per-identifier", "exponent-quantity"],
      ["exponent-quantity", "unit-comment"],
      ["exponent-quantity", "unit-comment"],
      ["unit-comment"],
      ["scale-factor"],
      ["per-identifier"],
      ["exponent-quantity"],
      ["exponent-quantity"],
      ["scale-factor"],
      ["per-identifier", "scale-factor"],
      ["scale-factor"],
      ["scale-factor"],
    ]);
  });

  it("leaves dimensionless numbers and quantities with units alone", () => {
    const legitimate = [
      "phase0RiskBenefit({ phase0ChemicalRisk: 1e-6, riskPerSparedSubject: 1e-3, subjectsSpared: 60 });",
      "console.log(`drug = ${(drugFraction * 1e6).toFixed(0)} ppm`);",
      "const share = (100 * p.counts) / totalCounts;",
      "const counts = [10, 30, 100, 300, 1000, 3000, 10000];",
      "for (const n of [100, 1000, 10000]) console.log(poissonRelativePrecision(n));",
      "const minimumLabel = 1000 / fullyLabelled.molecules; // over a thousand atoms",
      'const tracer = simulateTracer("1 pg/mL"); // AMS',
      'const lloq = unit("1 pg/mL");',
      'console.log(formatQuantity(result.aucInf, "ng*h/mL"));',
      'const url = "http://example.org/1000"; // not a comment in mg',
      "const median = summarize(subjects, [0.5]).ipred[0]; // a series in ug/L, drawn in concUnit",
    ];
    expect(legitimate.flatMap((code) => scanCell(code))).toEqual([]);
  });
});

describe.each(courseNotebooks().map((f) => [basename(f), f]))("%s", (_name, file) => {
  it("has no conversion constant in its code cells", () => {
    const findings = codeCells(file).flatMap(({ index, code }) => scanCell(code, index));
    expect(findings.map((f) => `cell ${f.cell} line ${f.line} [${f.rule}]: ${f.code}`)).toEqual([]);
  });
});
