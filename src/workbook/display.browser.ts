import { liveDisplayWriter } from "../charts/liveDisplay";

/**
 * Browser twin of display.ts: the bundle (text/html + text/plain in one output) goes to the
 * live worker's display writer; without one the plain text is printed.
 */
export function displayRich(html: string, text: string): "bundle" | "stdout" {
  const write = liveDisplayWriter();
  if (write) {
    write({ data: { "text/html": html, "text/plain": text }, metadata: {}, transient: {} }, false);
    return "bundle";
  }
  console.log(text);
  return "stdout";
}
