import { renderChart, VEGA_LITE_MIME } from "./chart";
import { uniqueId, type PageEnv } from "./headings";
import { escapeHtml } from "./highlight";
import { renderMarkdown } from "./markdown";
import { typeset } from "./math";
import { joinText, type DisplayOutput, type ErrorOutput, type MimeBundle, type Output, type StreamOutput } from "./notebook";

/**
 * Code-cell outputs as HTML. A display bundle holds one value in several MIME types; the
 * page shows the richest one it can render without a kernel, in this order: vega-lite
 * chart (with its SVG), SVG, PNG/JPEG, HTML (tables, check results), markdown, LaTeX,
 * JSON, plain text. Streams are preformatted text; errors show their traceback without
 * terminal colour codes.
 */

// CSI sequences (colours, cursor moves) that Jupyter tracebacks carry
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;

/** Removes terminal escape sequences (colours) from text. */
export function stripAnsi(text: string): string {
  return text.replace(ANSI, "");
}

function text(value: unknown): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value.join("");
  return "";
}

function renderStream(output: StreamOutput): string {
  const kind = output.name === "stderr" ? "stderr" : "stdout";
  return `<pre class="output output-stream output-${kind}" tabindex="0">${escapeHtml(stripAnsi(joinText(output.text)))}</pre>`;
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

function renderBundle(data: MimeBundle, env: PageEnv): string {
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
  if (markdown) return `<div class="output output-markdown">${renderMarkdown(markdown, env)}</div>`;
  const latex = text(data["text/latex"]).trim();
  if (latex) return `<div class="output output-latex">${typeset(latex.replace(/^\$\$?|\$\$?$/g, ""), true)}</div>`;
  if (data["application/json"] !== undefined) {
    return `<pre class="output output-json" tabindex="0">${escapeHtml(JSON.stringify(data["application/json"], null, 2))}</pre>`;
  }
  const plain = text(data["text/plain"]);
  if (plain) return `<pre class="output output-text" tabindex="0">${escapeHtml(stripAnsi(plain))}</pre>`;
  return "";
}

/** Merges consecutive stream outputs of the same name, as Jupyter displays them. */
export function mergeStreams(outputs: readonly Output[]): Output[] {
  const merged: Output[] = [];
  for (const output of outputs) {
    const last = merged[merged.length - 1];
    if (output.output_type === "stream" && last?.output_type === "stream" && last.name === output.name) {
      merged[merged.length - 1] = { ...last, text: joinText(last.text) + joinText(output.text) };
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
 * @returns HTML, empty when there is nothing to show
 * @example renderOutputs([{ output_type: "stream", name: "stdout", text: "4\n" }], createPageEnv()) // => '<pre class="output output-stream output-stdout" tabindex="0">4\n</pre>'
 */
export function renderOutputs(outputs: readonly Output[], env: PageEnv): string {
  return mergeStreams(outputs)
    .map((output) => {
      switch (output.output_type) {
        case "stream":
          return renderStream(output);
        case "error":
          return renderError(output);
        case "display_data":
        case "execute_result":
          return renderBundle((output as DisplayOutput).data ?? {}, env);
        default:
          return "";
      }
    })
    .join("\n");
}
