import type { DisplayWriter } from "./displayMessage";
import { liveDisplayWriter } from "./liveDisplay";

/** Browser twin of displayWriter.ts: the live worker's writer (see liveDisplay.ts). */
export function currentDisplayWriter(): DisplayWriter | null {
  return liveDisplayWriter();
}
