import type { LoggerInterface } from "vega";
import type { compile as CompileFn } from "vega-lite";
import { InputError } from "../core/errors";
import type { ChartSpec } from "./spec";
import { vega, vegaLite } from "./vega-modules";

/** A vega logger that keeps warnings and errors as text instead of printing them. */
class CollectingLogger implements LoggerInterface {
  readonly messages: string[] = [];
  private current = 0;
  level(_: number): this;
  level(): number;
  level(value?: number): this | number {
    if (value === undefined) return this.current;
    this.current = value;
    return this;
  }
  error(...args: readonly unknown[]): this {
    this.messages.push(args.map(String).join(" "));
    return this;
  }
  warn(...args: readonly unknown[]): this {
    this.messages.push(args.map(String).join(" "));
    return this;
  }
  info(): this {
    return this;
  }
  debug(): this {
    return this;
  }
}

/** What vega-lite reported while compiling a spec. */
export interface CompileReport {
  /** The compiled Vega specification. */
  vega: ReturnType<typeof CompileFn>["spec"];
  /** Warnings vega-lite would otherwise print, e.g. a log scale fed zeros. */
  warnings: string[];
}

/**
 * Compiles a vega-lite spec to Vega, collecting warnings instead of printing them, so a
 * test can insist that a chart compiles cleanly.
 * @throws {InputError} when the spec is not an object or vega-lite rejects it
 */
export function compileChart(spec: ChartSpec): CompileReport {
  if (typeof spec !== "object" || spec === null || Array.isArray(spec))
    throw new InputError("compileChart", "spec", "must be a vega-lite spec object", spec);
  const logger = new CollectingLogger();
  try {
    return { vega: vegaLite().compile(spec, { logger }).spec, warnings: logger.messages };
  } catch (error) {
    throw new InputError(
      "compileChart",
      "spec",
      `must be a valid vega-lite v5 spec (${(error as Error).message})`,
      spec.description ?? "a spec",
    );
  }
}

/**
 * Renders a vega-lite spec to a standalone SVG string on the server with vega 5, headless
 * (no browser, no canvas). This is the image the notebook display bundle carries for
 * front ends without a vega-lite renderer (classic Notebook, HTML export) and what the
 * static site embeds. Text widths are estimated, so labels may sit a pixel or two off
 * compared with a browser.
 * @param spec a vega-lite v5 spec, e.g. from a chart builder
 * @returns the SVG markup, starting with `<svg`
 * @throws {InputError} when the spec does not compile
 * @example (await renderSvg(concentrationTimeChart(...))).startsWith("<svg") // => true
 */
export async function renderSvg(spec: ChartSpec): Promise<string> {
  const compiled = compileChart(spec).vega;
  const { View, parse } = vega();
  const view = new View(parse(compiled), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
