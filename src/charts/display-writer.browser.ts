import type { DisplayWriter } from "./display-message";
import { liveDisplayWriter } from "./live-display";

/** Browser twin of displayWriter.ts: the live worker's writer (see liveDisplay.ts). */
export function currentDisplayWriter(): DisplayWriter | null {
  return liveDisplayWriter();
}
