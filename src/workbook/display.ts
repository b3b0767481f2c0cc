/**
 * Send a rich display bundle (text/html + text/plain in ONE output, so a static HTML export
 * keeps the HTML and a terminal front end keeps the text) to the kernel's display channel
 * when there is one (tslab's in Node, the live worker's in the browser: charts/display-writer
 * and its browser twin); otherwise print the text.
 */
import { currentDisplayWriter } from "../charts/display-writer";
import { InputError } from "../core/errors";

/** Display HTML with a plain-text alternative. Returns how it was shown. */
export function displayRich(html: string, text: string): "bundle" | "stdout" {
  if (typeof html !== "string") throw new InputError("displayRich", "html", "must be a string", html);
  if (typeof text !== "string") throw new InputError("displayRich", "text", "must be a string", text);
  const write = currentDisplayWriter();
  if (write) {
    write({ data: { "text/html": html, "text/plain": text }, metadata: {}, transient: {} }, false);
    return "bundle";
  }
  console.log(text);
  return "stdout";
}
