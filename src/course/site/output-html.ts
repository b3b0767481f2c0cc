import { renderChart, VEGA_LITE_MIME } from "./chart";
import { uniqueId, type PageEnv } from "./headings";
import { stripAnsi } from "../../core/ansi";
import { escapeHtml } from "../../core/html";
import type { DisplayOutput, ErrorOutput, MimeBundle, Output, StreamOutput } from "../../core/nbformat";

/**
 * Code-cell outputs as HTML, without the markdown and LaTeX typesetters: the build
 * (outputs.ts) plugs those in, the live page (src/course/live/page) renders the kernel's
 * outputs with this same code so they look exactly like the built ones, without shipping
 * markdown-it and KaTeX to the browser for MIME types the course never emits.
 * A display bundle holds one value in several MIME types; the richest one shown, in this
 * order: vega-lite chart (with its SVG), SVG, PNG/JPEG, HTML (tables, check results),
 * markdown, LaTeX, JSON, plain text. Streams are preformatted text; errors show their
 * traceback without terminal colour codes.
 */

/** How markdown and LaTeX display data are typeset; without them they show as plain text. */
export interface RichTextRenderers {
  markdown?: (text: string, env: PageEnv) => string;
  latex?: (tex: string) => string;
}

function text(value: unknown): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value.join("");
  return "";
}

function renderStream(output: StreamOutput): string {
  const kind = output.name === "stderr" ? "stderr" : "stdout";
  return `<pre class="output output-stream output-${kind}" tabindex="0">${escapeHtml(stripAnsi(text(output.text)))}</pre>`;
}

function renderError(output: ErrorOutput): string {
  const trace = Array.isArray(output.traceback) && output.traceback.length > 0 ? output.traceback.join("\n") : "";
  const headline = `${output.ename}: ${output.evalue}`;
  const body = stripAnsi(trace.includes(output.evalue) ? trace : `${headline}\n${trace}`).trim();
  return (
    `<div class="output output-error"><p class="output-label">Error</p>` +
    `<pre tabindex="0">${escapeHtml(body)}</pre></div>`
  );
}

function renderBundle(data: MimeBundle, env: PageEnv, rich: RichTextRenderers): string {
  const mimes = Object.keys(data);
  const vegaLite = mimes.find((m) => VEGA_LITE_MIME.test(m));
  const svg = text(data["image/svg+xml"]) || undefined;
  if (vegaLite) return renderChart(data[vegaLite], svg, uniqueId(env, `chart-${++env.charts}`));
  if (svg) return renderChart(undefined, svg, uniqueId(env, `chart-${++env.charts}`));
  for (const mime of ["image/png", "image/jpeg"]) {
    const base64 = text(data[mime]).replace(/\s+/g, "");
    if (base64) {
      const alt = text(data["text/plain"]).trim() || "Output image";
      return `<img class="output output-image" alt="${escapeHtml(alt)}" src="data:${mime};base64,${base64}">`;
    }
  }
  const html = text(data["text/html"]);
  if (html) {
    const scrolls = /<table\b/i.test(html) ? ' tabindex="0" role="region" aria-label="Table output"' : "";
    return `<div class="output output-html"${scrolls}>${html}</div>`;
  }
  const markdown = text(data["text/markdown"]);
  if (markdown && rich.markdown) return `<div class="output output-markdown">${rich.markdown(markdown, env)}</div>`;
  const latex = text(data["text/latex"]).trim();
  if (latex && rich.latex)
    return `<div class="output output-latex">${rich.latex(latex.replace(/^\$\$?|\$\$?$/g, ""))}</div>`;
  if (data["application/json"] !== undefined) {
    return `<pre class="output output-json" tabindex="0">${escapeHtml(JSON.stringify(data["application/json"], null, 2))}</pre>`;
  }
  const plain = text(data["text/plain"]) || markdown || latex;
  if (plain) return `<pre class="output output-text" tabindex="0">${escapeHtml(stripAnsi(plain))}</pre>`;
  return "";
}

/** Merges consecutive stream outputs of the same name, as Jupyter displays them. */
export function mergeStreams(outputs: readonly Output[]): Output[] {
  const merged: Output[] = [];
  for (const output of outputs) {
    const last = merged[merged.length - 1];
    if (output.output_type === "stream" && last?.output_type === "stream" && last.name === output.name) {
      merged[merged.length - 1] = { ...last, text: text(last.text) + text(output.text) };
    } else {
      merged.push(output);
    }
  }
  return merged;
}

/**
 * Renders a code cell's outputs.
 * @param outputs nbformat outputs (not modified)
 * @param env the page environment (keeps chart ids unique on the page)
 * @param rich the markdown and LaTeX typesetters (plain text without them)
 * @returns HTML, empty when there is nothing to show
 */
export function renderOutputHtml(outputs: readonly Output[], env: PageEnv, rich: RichTextRenderers = {}): string {
  return mergeStreams(outputs)
    .map((output) => {
      switch (output.output_type) {
        case "stream":
          return renderStream(output);
        case "error":
          return renderError(output);
        case "display_data":
        case "execute_result":
          return renderBundle((output as DisplayOutput).data ?? {}, env, rich);
        default:
          return "";
      }
    })
    .join("\n");
}
