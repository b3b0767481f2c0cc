import { InputError } from "../core/errors";

/**
 * A chart's static image as a markdown image with an SVG data URL:
 * `![alt](data:image/svg+xml;base64,…)`. It is the bundle's `text/markdown` member, the
 * fallback for front ends that would otherwise show a blank chart:
 * - nbconvert 6.5 (Debian's, the one the README installs) exports HTML with
 *   text/markdown ranked above image/svg+xml and, when it does fall back to the SVG,
 *   passes it through an HTML cleaner that empties `<svg>` (fixed upstream in 7.x); an
 *   `<img>` with a data URL survives both;
 * - JupyterLab still draws the interactive chart: its vega-lite renderer ranks 57, above
 *   markdown (60) and SVG (80) — text/html (50) would have won, which is why the image
 *   is not carried as HTML.
 * Base64 rather than percent-encoding: the URL then holds no character markdown reads
 * (parentheses, spaces), so no renderer can end the link early.
 * @param svg a standalone SVG document, starting with `<svg`
 * @param alt the text alternative (the chart's description); brackets become parentheses
 *   and line breaks spaces, so the alt text cannot end the image early
 * @returns one line of markdown
 * @throws {InputError} when svg is not an SVG document or alt is not a non-empty string
 * @example markdownImage('<svg xmlns="http://www.w3.org/2000/svg"/>', "A [demo] chart")
 * // => "![A (demo) chart](data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=)"
 */
export function markdownImage(svg: string, alt: string): string {
  if (typeof svg !== "string" || !/^\s*(<\?xml[^>]*>\s*)?<svg\b/.test(svg))
    throw new InputError("markdownImage", "svg", "must be an SVG document starting with <svg", svg);
  if (typeof alt !== "string" || alt.trim() === "")
    throw new InputError("markdownImage", "alt", "must be a non-empty string", alt);
  const safeAlt = alt.replace(/\\/g, "/").replace(/\[/g, "(").replace(/\]/g, ")").replace(/\s+/g, " ").trim();
  return `![${safeAlt}](data:image/svg+xml;base64,${base64Utf8(svg)})`;
}

/** UTF-8 bytes of text in base64, with Node's Buffer or, in a browser, btoa. */
function base64Utf8(text: string): string {
  if (typeof Buffer !== "undefined") return Buffer.from(text, "utf8").toString("base64");
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
