import { existsSync } from "node:fs";

/**
 * The one Chromium every browser test and bench/live.ts drive: Debian's (or CHROMIUM_PATH),
 * with the flags that keep a headless run quiet and offline (no sandbox in containers, no
 * GPU, no background network, component updates or sync).
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const chromiumAvailable = existsSync(CHROMIUM);
export const CHROMIUM_ARGS: string[] = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
