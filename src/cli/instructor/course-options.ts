/** The gradebook flags of `npm run grade` (and its merge and release commands), and course.json. */
import type { Command } from "commander";
import { InputError } from "../../core/errors";
import type { GradebookInputs } from "../../course/grade/gradebook/build";
import {
  COURSE_SWITCH_KEYS,
  COURSE_TEXT_KEYS,
  loadGradebookInputs,
  readCourseConfig,
  type CourseSettings,
  type CourseSwitchKey,
  type CourseTextKey,
} from "../../course/grade/gradebook/course-config";
import type { SubmissionTiming } from "../../course/grade/gradebook/types";

/** The flags commander parses: one per text setting of course.json but the assignment (its own flag, with a default), and --course. */
export type CourseFlags = Partial<Record<Exclude<CourseTextKey, "assignment">, string>> &
  Partial<Record<CourseSwitchKey, boolean>> & { course?: string };

/** Adds the gradebook flags to a command. */
export function addCourseOptions(cmd: Command, withRelease = true): Command {
  cmd
    .option("--course <file>", "course.json with any of the settings below (paths relative to it); flags override it")
    .option("--roster <csv>", "class list: student,name[,lms_id,sis_user_id,sis_login_id,email,section]")
    .option("--deadline <time>", 'deadline, ISO 8601 with a zone, e.g. "2026-12-01T23:59:00Z"')
    .option(
      "--late-policy <rule>",
      'penalty per started late day as a share of the maximum, a cap and a grace period, e.g. "10%/day,cap=50%,grace=15m"',
    )
    .option("--extensions <csv>", "per-student extensions: student, deadline (ISO 8601) or days")
    .option("--submission-times <csv>", "submission times: student, submitted_at (ISO 8601)[, late]")
    .option("--overrides <csv>", "points set by hand: student, exercise, points, reason (audited in every output)");
  if (withRelease)
    cmd.option(
      "--release-hidden",
      "show hidden-check results and scores in feedback/ and results/ (default: held back)",
    );
  return cmd;
}

/**
 * course.json's settings with the flags given on the command line over them. `assignment` and
 * `canvasId` come from course.json only when their flags were left at their defaults.
 * @throws {InputError} for a bad course.json (see readCourseConfig)
 */
export function courseSettings(
  flags: CourseFlags,
  cmd: Command,
  defaults: { assignment?: string; canvasId?: string } = {},
): CourseSettings & { assignment?: string; canvasId?: CourseSettings["canvasId"] } {
  const fromFile = flags.course ? readCourseConfig(flags.course) : {};
  const merged: CourseSettings = { ...fromFile };
  for (const key of COURSE_TEXT_KEYS) {
    const v = key === "assignment" ? undefined : flags[key];
    if (v !== undefined) merged[key] = v;
  }
  for (const key of COURSE_SWITCH_KEYS) if (flags[key]) merged[key] = true;
  const fromCli = (name: string) => cmd.getOptionValueSource(name) === "cli";
  if (defaults.assignment !== undefined && (fromCli("assignment") || !fromFile.assignment))
    merged.assignment = defaults.assignment;
  if (defaults.canvasId !== undefined && (fromCli("canvasId") || !fromFile.canvasId)) {
    if (defaults.canvasId !== "SIS User ID" && defaults.canvasId !== "SIS Login ID")
      throw new InputError("grade", "--canvas-id", 'must be "SIS User ID" or "SIS Login ID"', defaults.canvasId);
    merged.canvasId = defaults.canvasId;
  }
  return merged;
}

/**
 * The gradebook inputs of these settings, every file read and validated (before any grading).
 * @throws {InputError} for a bad file line, deadline or policy
 */
export function courseInputs(settings: CourseSettings, timings: readonly SubmissionTiming[] = []): GradebookInputs {
  return loadGradebookInputs(settings, timings);
}
