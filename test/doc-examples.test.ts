import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import * as lib from "../src";
import { describeValue } from "../src/core/errors";

/**
 * Every `@example <expression> // => <expected>` line in the science areas is run against
 * the public library and compared with the value it shows, so a doc example cannot go
 * stale (STYLE.md). Numbers agree to the precision the text shows ("0.6667" → ±0.5e-4),
 * a unit named after a number is the unit the result is read in ("100 ug" →
 * inUnit(x, "ug") ≈ 100), strings and booleans agree exactly, arrays element by element
 * and object literals by the fields they show. A parenthesis after the value is a comment.
 */

const SCIENCE_AREAS = [
  "core",
  "pk",
  "nca",
  "data",
  "regulatory",
  "pharmacology",
  "studies",
  "ams",
  "translation",
  "dosage-forms",
];
const SRC = path.join(__dirname, "..", "src");

/**
 * Examples that cannot be evaluated as one expression, each with its reason. Keyed by
 * "area/file.ts: expression". Keep this short: prefer rewriting the example.
 */
const NOT_EVALUATED: ReadonlyMap<string, string> = new Map<string, string>([]);

interface DocExample {
  file: string;
  line: number;
  expression: string;
  expected: string;
}

const EXAMPLE_LINE = /@example\s+(.+?)\s+\/\/\s*=>\s*(.+?)\s*(?:\*\/)?\s*$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith(".ts") ? [full] : [];
  });
}

function collectExamples(): DocExample[] {
  const examples: DocExample[] = [];
  for (const area of SCIENCE_AREAS) {
    for (const file of sourceFiles(path.join(SRC, area))) {
      readFileSync(file, "utf8")
        .split("\n")
        .forEach((text, index) => {
          if (!text.includes("@example")) return;
          const match = EXAMPLE_LINE.exec(text);
          const relative = path.relative(SRC, file).split(path.sep).join("/");
          // An @example without "// =>" is a defect too: it shows nothing to check.
          examples.push({
            file: relative,
            line: index + 1,
            expression: match?.[1] ?? text,
            expected: match?.[2] ?? "",
          });
        });
    }
  }
  return examples;
}

// ---------------------------------------------------------------------------------------
// The expected text, parsed into a tree that keeps each number's written precision.

type Expected =
  | { kind: "number"; value: number; tolerance: number; text: string }
  | { kind: "quantity"; value: number; tolerance: number; unit: string; text: string }
  | { kind: "string"; value: string }
  | { kind: "literal"; value: boolean | null }
  | { kind: "array"; items: Expected[] }
  | { kind: "object"; fields: Array<[string, Expected]> };

const ESCAPES: Readonly<Record<string, string>> = { n: "\n", t: "\t", r: "\r" };

const NUMBER = /^-?(?:\d+(?:\.(\d*))?|\.(\d+))(?:[eE]([+-]?\d+))?/;

/** Half a unit in the last written digit, never tighter than a few ulps of the value. */
function writtenTolerance(text: string): number {
  const m = NUMBER.exec(text);
  if (!m) throw new Error(`not a number: ${text}`);
  const decimals = (m[1] ?? m[2] ?? "").length;
  const exponent = m[3] === undefined ? 0 : Number(m[3]);
  return Math.max(0.5 * 10 ** (exponent - decimals), 4 * Number.EPSILON * Math.abs(Number(m[0])));
}

class ExpectedParser {
  private pos = 0;
  constructor(private readonly text: string) {}

  parseTopLevel(): Expected {
    const value = this.value();
    let rest = this.text.slice(this.pos).trim();
    let result = value;
    if (value.kind === "number" && rest !== "" && !rest.startsWith("(")) {
      // "200 nmol (comment)": a unit follows the number.
      const cut = rest.search(/\s\(/);
      const unit = (cut < 0 ? rest : rest.slice(0, cut)).trim();
      rest = cut < 0 ? "" : rest.slice(cut).trim();
      result = {
        kind: "quantity",
        value: value.value,
        tolerance: value.tolerance,
        unit,
        text: `${value.text} ${unit}`,
      };
    }
    if (rest !== "" && !rest.startsWith("(")) throw new Error(`unexpected text after the value: "${rest}"`);
    return result;
  }

  private skip(): void {
    while (/\s/.test(this.text[this.pos] ?? "")) this.pos++;
  }

  private value(): Expected {
    this.skip();
    const rest = this.text.slice(this.pos);
    const c = rest[0];
    if (c === "[") return this.array();
    if (c === "{") return this.object();
    if (c === '"' || c === "'") return { kind: "string", value: this.string() };
    for (const [word, value] of [
      ["true", true],
      ["false", false],
      ["null", null],
    ] as const) {
      if (rest.startsWith(word)) {
        this.pos += word.length;
        return { kind: "literal", value };
      }
    }
    const m = NUMBER.exec(rest);
    if (!m) throw new Error(`cannot read a value at "${rest}"`);
    this.pos += m[0].length;
    return { kind: "number", value: Number(m[0]), tolerance: writtenTolerance(m[0]), text: m[0] };
  }

  private string(): string {
    const quote = this.text[this.pos++];
    let out = "";
    while (this.pos < this.text.length && this.text[this.pos] !== quote) {
      if (this.text[this.pos] === "\\") {
        // An escape reads as in a JavaScript string literal: \n is a newline, \" a quote.
        const escaped = this.text[++this.pos];
        out += ESCAPES[escaped] ?? escaped;
        this.pos++;
        continue;
      }
      out += this.text[this.pos++];
    }
    if (this.text[this.pos] !== quote) throw new Error("unterminated string");
    this.pos++;
    return out;
  }

  private expect(char: string): void {
    this.skip();
    if (this.text[this.pos] !== char) throw new Error(`expected "${char}" at "${this.text.slice(this.pos)}"`);
    this.pos++;
  }

  private array(): Expected {
    this.expect("[");
    const items: Expected[] = [];
    this.skip();
    if (this.text[this.pos] === "]") {
      this.pos++;
      return { kind: "array", items };
    }
    for (;;) {
      items.push(this.value());
      this.skip();
      if (this.text[this.pos] === ",") this.pos++;
      else break;
    }
    this.expect("]");
    return { kind: "array", items };
  }

  private object(): Expected {
    this.expect("{");
    const fields: Array<[string, Expected]> = [];
    for (;;) {
      this.skip();
      if (this.text[this.pos] === "}") break;
      const key = /^[A-Za-z_$][\w$]*/.exec(this.text.slice(this.pos));
      if (!key) throw new Error(`expected a field name at "${this.text.slice(this.pos)}"`);
      this.pos += key[0].length;
      this.expect(":");
      fields.push([key[0], this.value()]);
      this.skip();
      if (this.text[this.pos] === ",") this.pos++;
      else break;
    }
    this.expect("}");
    return { kind: "object", fields };
  }
}

function parseExpected(text: string): Expected {
  return new ExpectedParser(text).parseTopLevel();
}

/** Differences between a value and the expected tree; empty when they agree. */
function differences(actual: unknown, expected: Expected, where = "value"): string[] {
  switch (expected.kind) {
    case "number":
      if (typeof actual !== "number")
        return [`${where}: expected the number ${expected.text}, received ${describeValue(actual)}`];
      return Math.abs(actual - expected.value) <= expected.tolerance
        ? []
        : [`${where}: expected ${expected.text} (±${expected.tolerance}), received ${actual}`];
    case "quantity": {
      if (!lib.math.isUnit(actual))
        return [`${where}: expected the quantity ${expected.text}, received ${describeValue(actual)}`];
      const inExpectedUnit = lib.inUnit(actual, expected.unit);
      return Math.abs(inExpectedUnit - expected.value) <= expected.tolerance
        ? []
        : [`${where}: expected ${expected.text}, received ${inExpectedUnit} ${expected.unit}`];
    }
    case "string":
    case "literal":
      return actual === expected.value
        ? []
        : [`${where}: expected ${JSON.stringify(expected.value)}, received ${describeValue(actual)}`];
    case "array": {
      if (!Array.isArray(actual) && !ArrayBuffer.isView(actual))
        return [`${where}: expected an array, received ${describeValue(actual)}`];
      const items = Array.from(actual as ArrayLike<unknown>);
      if (items.length !== expected.items.length)
        return [`${where}: expected ${expected.items.length} items, received ${items.length}`];
      return expected.items.flatMap((item, i) => differences(items[i], item, `${where}[${i}]`));
    }
    case "object":
      if (typeof actual !== "object" || actual === null)
        return [`${where}: expected an object, received ${describeValue(actual)}`];
      return expected.fields.flatMap(([key, value]) =>
        differences((actual as Record<string, unknown>)[key], value, `${where}.${key}`),
      );
  }
}

/**
 * Evaluates an example with the public library in scope, plus the exports of its own file: a
 * core helper the library does not re-export (escapeHtml, checkNotebook) is still shown working.
 */
async function evaluate(expression: string, file: string): Promise<unknown> {
  const own = (await import(path.join(SRC, file))) as Record<string, unknown>;
  const scope: Record<string, unknown> = { ...own, ...(lib as Record<string, unknown>) };
  const names = Object.keys(scope);
  const run = new Function(...names, `"use strict"; return (${expression});`) as (...args: unknown[]) => unknown;
  return await run(...names.map((name) => scope[name]));
}

const examples = collectExamples();
const keyOf = (e: DocExample): string => `${e.file}: ${e.expression}`;

describe("the comparison the doc-example test relies on", () => {
  it("parseExpected(text) reads the written precision of a number", () => {
    expect(differences(1.998, parseExpected("1.999"))).toHaveLength(1);
    expect(differences(1.9984, parseExpected("1.998"))).toEqual([]);
    expect(differences(0.66671, parseExpected("0.6667 (two thirds)"))).toEqual([]);
    expect(differences(0.66676, parseExpected("0.6667"))).toHaveLength(1);
    expect(differences(7.5284e8, parseExpected("7.528e8"))).toEqual([]);
    expect(differences(7.53e8, parseExpected("7.528e8"))).toHaveLength(1);
  });

  it("parseExpected(text) reads a quantity in the unit the text names", () => {
    expect(differences(lib.unit("0.1 mg"), parseExpected("100 ug"))).toEqual([]);
    expect(differences(lib.unit("0.2 mg"), parseExpected("100 ug"))).toHaveLength(1);
    expect(differences(100, parseExpected("100 ug"))).toHaveLength(1);
  });

  it("parseExpected(text) compares arrays item by item and objects by the fields shown", () => {
    const shown = parseExpected('[{ time: 0, route: "oral" }, { time: 24, route: "oral" }] (two doses)');
    expect(
      differences(
        [
          { time: 0, route: "oral", amount: 5 },
          { time: 24, route: "oral" },
        ],
        shown,
      ),
    ).toEqual([]);
    expect(
      differences(
        [
          { time: 0, route: "oral" },
          { time: 12, route: "oral" },
        ],
        shown,
      ),
    ).toEqual(["value[1].time: expected 24 (±0.5), received 12"]);
    expect(differences([{ time: 0, route: "oral" }], shown)).toHaveLength(1);
    expect(differences(true, parseExpected("true"))).toEqual([]);
    expect(differences("100 ug", parseExpected('"100 ug"'))).toEqual([]);
    expect(differences("a\nb", parseExpected('"a\\nb"'))).toEqual([]);
    expect(differences("anb", parseExpected('"a\\nb"'))).toHaveLength(1);
  });

  it("parseExpected(text) rejects prose that is not a value", () => {
    expect(() => parseExpected("the same value on every run")).toThrow(/cannot read a value/);
  });
});

describe("every @example in the science areas evaluates to the value it shows", () => {
  it("finds the examples (a scan that found none would pass vacuously)", () => {
    expect(examples.length).toBeGreaterThan(90);
    for (const area of SCIENCE_AREAS)
      expect(
        examples.some((e) => e.file.startsWith(`${area}/`)),
        area,
      ).toBe(true);
  });

  it("keeps the allow-list short and current: each entry names an example that still exists", () => {
    expect(NOT_EVALUATED.size).toBeLessThanOrEqual(3);
    for (const key of NOT_EVALUATED.keys()) expect(examples.map(keyOf)).toContain(key);
  });

  for (const example of examples) {
    const title = `${example.file}:${example.line} ${example.expression.length > 90 ? `${example.expression.slice(0, 87)}...` : example.expression}`;
    const reason = NOT_EVALUATED.get(keyOf(example));
    if (reason !== undefined) {
      it.skip(`${title} (not evaluated: ${reason})`, () => {});
      continue;
    }
    it(title, async () => {
      expect(example.expected, 'the example must show its value after "// =>"').not.toBe("");
      const expected = parseExpected(example.expected);
      const actual = await evaluate(example.expression, example.file);
      expect(differences(actual, expected)).toEqual([]);
    });
  }
});
