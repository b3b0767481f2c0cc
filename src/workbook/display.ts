/**
 * Send a rich display bundle (text/html + text/plain in ONE output, so a static HTML export
 * keeps the HTML and a terminal front end keeps the text) to the tslab kernel when there is
 * one; otherwise print the text. tslab's public `display.html` sends a single MIME type, so
 * this uses the writer tslab installs for its own display helper; if that is unavailable
 * the public helper is used, and outside a kernel the plain text goes to stdout.
 */
import { createRequire } from "node:module";
import { join } from "node:path";

type BundleWriter = (data: { data: Record<string, string>; metadata: Record<string, unknown>; transient: Record<string, unknown> }, update?: boolean) => void;

function tslabWriter(): BundleWriter | undefined {
  try {
    const req = createRequire(typeof __filename === "string" ? __filename : join(process.cwd(), "index.js"));
    const jupyter = req("tslab/dist/jupyter") as { lastWriteDisplayData?: BundleWriter | null };
    return jupyter.lastWriteDisplayData ?? undefined;
  } catch {
    return undefined;
  }
}

/** Display HTML with a plain-text alternative. Returns how it was shown. */
export function displayRich(html: string, text: string): "bundle" | "stdout" {
  const write = tslabWriter();
  if (write) {
    write({ data: { "text/html": html, "text/plain": text }, metadata: {}, transient: {} });
    return "bundle";
  }
  console.log(text);
  return "stdout";
}
