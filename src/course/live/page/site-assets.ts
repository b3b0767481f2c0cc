import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { scriptJson } from "../../site/chart";
import { liveCourseData } from "./build-data";
import { COURSE_GLOBAL } from "./data";

/**
 * Writes assets/live/course.js: the live course data (released stubs, exercise facts) as
 * a classic script defining one global. A script rather than a JSON file, because a page
 * opened from disk may load scripts but not fetch files.
 * @param siteDir the (staged) site folder
 * @param root the project root (exercises/ is read from it)
 * @returns the file's size [bytes]
 * @throws {InputError} see liveCourseData
 */
export function writeLiveCourse(siteDir: string, root: string): number {
  const dir = join(siteDir, "assets", "live");
  mkdirSync(dir, { recursive: true });
  const text = `// The live course data: exercises/chNN.ts as released and the exercises' public facts (see docs/live.md).\nwindow.${COURSE_GLOBAL} = ${scriptJson(liveCourseData(root))};\n`;
  writeFileSync(join(dir, "course.js"), text);
  return Buffer.byteLength(text);
}
