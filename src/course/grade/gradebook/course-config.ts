// course.json: the course's gradebook settings in one file, so an instructor does not retype them.
import { dirname, resolve } from "node:path";
import { InputError } from "../../../core/errors";
import { readJsonFile } from "../../../core/read-json";
import type { GradebookInputs } from "./build";
import { readCsvFile } from "./csv-table";
import { parseExtensions } from "./extensions";
import { parseInstant, parseLatePolicy } from "./late-policy";
import { parseOverrides } from "./overrides";
import { readRoster } from "../roster/read-roster";
import { parseSubmissionTimes } from "./submission-times";
import type { SubmissionTiming } from "./types";

/**
 * The settings whose value is a text, as course.json and the `npm run grade` flags name them:
 * file paths (relative to course.json), the deadline, and the late policy ("10%/day,cap=50%,grace=15m", see parseLatePolicy).
 */
export const COURSE_TEXT_KEYS = [
  "assignment",
  "roster",
  "deadline",
  "latePolicy",
  "extensions",
  "submissionTimes",
  "overrides",
] as const;
export type CourseTextKey = (typeof COURSE_TEXT_KEYS)[number];

/** The settings that are switches: release the hidden checks; grade per-student variants. */
export const COURSE_SWITCH_KEYS = ["releaseHidden", "variants"] as const;
export type CourseSwitchKey = (typeof COURSE_SWITCH_KEYS)[number];

/** The gradebook settings, as course.json and the `npm run grade` flags state them (file paths, texts, switches). */
export type CourseSettings = Partial<Record<CourseTextKey, string>> &
  Partial<Record<CourseSwitchKey, boolean>> & { canvasId?: "SIS User ID" | "SIS Login ID" };

const PATH_KEYS = new Set(["roster", "extensions", "submissionTimes", "overrides"]);

/**
 * Reads course.json: an object with the CourseSettings keys (file paths relative to course.json).
 * An unknown key or a value of the wrong type is an error naming it.
 * @throws {InputError} naming the file and the key
 */
export function readCourseConfig(path: string): CourseSettings {
  const fn = "readCourseConfig";
  const data = readJsonFile(fn, path, path);
  if (typeof data !== "object" || data === null || Array.isArray(data))
    throw new InputError(fn, path, "must hold a JSON object of course settings", data);
  const obj = data as Record<string, unknown>;
  const known = new Set<string>([...COURSE_TEXT_KEYS, ...COURSE_SWITCH_KEYS, "canvasId"]);
  const settings: CourseSettings = {};
  for (const [key, value] of Object.entries(obj)) {
    if (!known.has(key))
      throw new InputError(fn, `${path}: "${key}"`, `is not a course setting (known: ${[...known].join(", ")})`, value);
    if ((COURSE_SWITCH_KEYS as readonly string[]).includes(key)) {
      if (typeof value !== "boolean") throw new InputError(fn, `${path}: "${key}"`, "must be true or false", value);
      settings[key as CourseSwitchKey] = value;
    } else if (key === "canvasId") {
      if (value !== "SIS User ID" && value !== "SIS Login ID")
        throw new InputError(fn, `${path}: "canvasId"`, 'must be "SIS User ID" or "SIS Login ID"', value);
      settings.canvasId = value;
    } else {
      if (typeof value !== "string" || value.trim() === "")
        throw new InputError(fn, `${path}: "${key}"`, "must be a non-empty string", value);
      settings[key as CourseTextKey] = PATH_KEYS.has(key) ? resolve(dirname(path), value) : value;
    }
  }
  return settings;
}

/**
 * The gradebook inputs these settings name, every file read and validated (a bad line is an
 * error naming the file and the line). `timings` from an LMS import come first; the submissions
 * CSV's entries win over them.
 * @throws {InputError} for an unreadable file, a bad line, a bad deadline or late policy
 */
export function loadGradebookInputs(
  settings: CourseSettings,
  timings: readonly SubmissionTiming[] = [],
): GradebookInputs {
  const fn = "loadGradebookInputs";
  const inputs: GradebookInputs = {};
  if (settings.roster) inputs.roster = readRoster(settings.roster);
  if (settings.deadline) {
    parseInstant(fn, "deadline", settings.deadline);
    inputs.deadline = settings.deadline;
  }
  if (settings.latePolicy) {
    if (!settings.deadline)
      throw new InputError(fn, "latePolicy", "needs a deadline (--deadline)", settings.latePolicy);
    inputs.latePolicy = parseLatePolicy(settings.latePolicy);
  }
  if (settings.extensions)
    inputs.extensions = parseExtensions(readCsvFile(fn, settings.extensions), settings.extensions);
  const fromCsv = settings.submissionTimes
    ? parseSubmissionTimes(readCsvFile(fn, settings.submissionTimes), settings.submissionTimes)
    : [];
  if (timings.length || fromCsv.length) inputs.timings = [...timings, ...fromCsv];
  if (settings.overrides) inputs.overrides = parseOverrides(readCsvFile(fn, settings.overrides), settings.overrides);
  return inputs;
}
