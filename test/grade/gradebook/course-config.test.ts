// course.json: every setting read, paths resolved against the file, and every bad key or value named.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/errors";
import { readCourseConfig } from "../../../src/course/grade/gradebook/course-config";

const dir = mkdtempSync(join(tmpdir(), "course-config-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function config(settings: unknown): string {
  const path = join(dir, `course-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify(settings));
  return path;
}

describe("readCourseConfig", () => {
  it("reads texts, resolves file settings against course.json's folder, and reads both switches", () => {
    const path = config({
      assignment: "Workbook A",
      roster: "roster.csv",
      deadline: "2026-12-01T23:59:00Z",
      latePolicy: "10%/day,cap=50%",
      extensions: "sub/extensions.csv",
      submissionTimes: "times.csv",
      overrides: "overrides.csv",
      releaseHidden: false,
      variants: true,
      canvasId: "SIS Login ID",
    });
    expect(readCourseConfig(path)).toEqual({
      assignment: "Workbook A",
      roster: join(dir, "roster.csv"),
      deadline: "2026-12-01T23:59:00Z",
      latePolicy: "10%/day,cap=50%",
      extensions: join(dir, "sub", "extensions.csv"),
      submissionTimes: join(dir, "times.csv"),
      overrides: join(dir, "overrides.csv"),
      releaseHidden: false,
      variants: true,
      canvasId: "SIS Login ID",
    });
  });

  it.each([
    [{ varients: true }, /"varients".*is not a course setting.*variants/],
    [{ variants: "yes" }, /"variants".*must be true or false/],
    [{ releaseHidden: 1 }, /"releaseHidden".*must be true or false/],
    [{ roster: "" }, /"roster".*must be a non-empty string/],
    [{ canvasId: "Login" }, /"canvasId".*must be "SIS User ID" or "SIS Login ID"/],
    [["roster.csv"], /must hold a JSON object/],
  ])("names the bad setting %j", (settings, message) => {
    const path = config(settings);
    expect(() => readCourseConfig(path)).toThrow(InputError);
    expect(() => readCourseConfig(path)).toThrow(message);
  });

  it("names a file that is not JSON", () => {
    const path = join(dir, "broken.json");
    writeFileSync(path, "{ roster: roster.csv }");
    expect(() => readCourseConfig(path)).toThrow(/readCourseConfig.*must be a readable JSON file/);
  });
});
