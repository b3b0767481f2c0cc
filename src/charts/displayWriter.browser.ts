import { liveDisplayWriter, type LiveDisplayWriter } from "./liveDisplay";

export type DisplayWriter = LiveDisplayWriter;

/** Browser twin of displayWriter.ts: the live worker's writer (see liveDisplay.ts). */
export function currentDisplayWriter(): DisplayWriter | null {
  return liveDisplayWriter();
}
