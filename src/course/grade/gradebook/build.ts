// The gradebook stage: the grader's results + roster, deadline, late policy, extensions, timings, overrides → rows.
import { InputError } from "../../../core/errors";
import { roundPoints, sumPoints } from "../../../workbook/credit";
import type { Exercise } from "../../../workbook/types";
import type { SubmissionResult } from "../types";
import { extendedDeadline, type Extension } from "./extensions";
import { assertLatePolicy, daysLate, latePenalty, parseInstant, type LatePolicy } from "./late-policy";
import type { Override } from "./overrides";
import { matchStudent } from "../roster/read-roster";
import type { GradebookExercise, GradebookRow, Roster, RosterStudent, SubmissionTiming } from "./types";

/** Everything a course adds to the grader's results; every part optional. */
export interface GradebookInputs {
  roster?: Roster;
  /** ISO 8601 with a zone; required with a late policy. */
  deadline?: string;
  latePolicy?: LatePolicy;
  extensions?: readonly Extension[];
  /** From the LMS import and/or a submissions CSV; a later entry for the same student wins. */
  timings?: readonly SubmissionTiming[];
  overrides?: readonly Override[];
}

const fmt = (n: number): string => String(roundPoints(n));
const pct = (f: number): string => `${roundPoints(f * 100)}%`;

/**
 * One row per roster student (a roster student without a submission: status "no submission",
 * 0 points) plus one per submission whose student is not on the roster (they are never dropped;
 * the audit says "not on the roster"); without a roster, one per submission. Overrides replace an
 * exercise's points; the late policy then deducts from the sum. Every change is written in
 * `audit`, in words. Rows are sorted by student id.
 * @throws {InputError} for an override, extension or timing naming an unknown student or exercise
 *   (the message names it and its file line), an override above the exercise's points, or a late
 *   policy without a deadline
 */
export function buildGradebook(
  results: readonly SubmissionResult[],
  exercises: readonly Exercise[],
  inputs: GradebookInputs = {},
): GradebookRow[] {
  const fn = "buildGradebook";
  if (!Array.isArray(results as unknown))
    throw new InputError(fn, "results", "must be an array of SubmissionResult", results);
  if (!Array.isArray(exercises as unknown) || exercises.length === 0)
    throw new InputError(fn, "exercises", "must be a non-empty array of exercises", exercises);
  if (inputs.latePolicy !== undefined) {
    assertLatePolicy(fn, inputs.latePolicy);
    if (inputs.deadline === undefined)
      throw new InputError(fn, "deadline", "must be given with a late policy", undefined);
  }
  const deadlineMs = inputs.deadline !== undefined ? parseInstant(fn, "deadline", inputs.deadline) : undefined;
  const roster = inputs.roster;
  const lookup = (key: string) => (roster && key.trim() !== "" ? matchStudent(roster, key) : undefined);
  const max = sumPoints(exercises.map((e) => e.points));

  // Who is who: a result belongs to the roster student its id or its found name identifies.
  const rows = new Map<string, GradebookRow>();
  for (const s of inputs.roster?.students ?? []) rows.set(s.id, noSubmission(s, exercises, max));
  for (const r of results) {
    const student = lookup(r.student) ?? lookup(r.name);
    const id = student?.id ?? r.student;
    const existing = rows.get(id);
    if (existing?.result)
      throw new InputError(fn, "results", `must hold one submission per student (two for ${id})`, [
        existing.result.name,
        r.name,
      ]);
    rows.set(id, fromResult(r, student, exercises, max, inputs.roster !== undefined));
  }
  const resolve = (what: string, name: string, source: string): GradebookRow => {
    const row = rows.get(lookup(name)?.id ?? name);
    if (!row)
      throw new InputError(
        fn,
        what,
        `names student "${name}" (${source}), who is neither on the roster nor among the submissions`,
        name,
      );
    return row;
  };

  for (const o of inputs.overrides ?? []) {
    const row = resolve("overrides", o.student, o.source);
    const ex = row.exercises.find((e) => e.id === o.exercise);
    if (!ex)
      throw new InputError(
        fn,
        "overrides",
        `names exercise "${o.exercise}" (${o.source}), which is not one of this assignment's exercises`,
        o.exercise,
      );
    const points = roundPoints(o.points);
    if (!(points >= 0 && points <= ex.max))
      throw new InputError(
        fn,
        "overrides",
        `gives ${row.student} ${ex.id} ${points} points (${o.source}); it must be between 0 and ${ex.max}`,
        o.points,
      );
    ex.override = { points, reason: o.reason };
    row.audit.push(`${ex.id}: ${fmt(ex.points)} → ${fmt(points)} points by override (${o.reason}; ${o.source})`);
    ex.points = points;
  }
  const extensions = new Map<string, Extension>();
  for (const e of inputs.extensions ?? []) extensions.set(resolve("extensions", e.student, e.source).student, e);
  const timings = new Map<string, SubmissionTiming>();
  for (const t of inputs.timings ?? []) timings.set(resolve("timings", t.student, t.source).student, t);

  const out = [...rows.values()].sort((a, b) => a.student.localeCompare(b.student));
  for (const row of out) {
    row.raw = sumPoints(row.exercises.map((e) => e.points));
    row.total = row.raw;
    if (deadlineMs !== undefined && inputs.latePolicy && row.status === "graded")
      applyLate(row, deadlineMs, inputs.latePolicy, extensions.get(row.student), timings.get(row.student));
  }
  return out;
}

function noSubmission(s: RosterStudent, exercises: readonly Exercise[], max: number): GradebookRow {
  return {
    student: s.id,
    name: s.name,
    roster: s,
    status: "no submission",
    exercises: exercises.map((e) => ({ id: e.id, graded: 0, points: 0, max: e.points })),
    raw: 0,
    total: 0,
    max,
    audit: ["no submission: 0 points"],
  };
}

function fromResult(
  r: SubmissionResult,
  student: RosterStudent | undefined,
  exercises: readonly Exercise[],
  max: number,
  withRoster: boolean,
): GradebookRow {
  const points = new Map(r.verdicts.map((v) => [v.id, v.points]));
  const rows: GradebookExercise[] = exercises.map((e) => {
    const p = points.get(e.id) ?? 0;
    return { id: e.id, graded: p, points: p, max: e.points };
  });
  const audit: string[] = [];
  if (withRoster && !student) audit.push(`not on the roster: listed as found (${JSON.stringify(r.name)})`);
  if (student && student.id !== r.student) audit.push(`submission "${r.name}" filed under roster id ${student.id}`);
  return {
    student: student?.id ?? r.student,
    name: student?.name ?? r.name,
    ...(student ? { roster: student } : {}),
    status: r.status,
    exercises: rows,
    raw: 0,
    total: 0,
    max,
    audit,
    result: r,
  };
}

/**
 * The late penalty of one graded row. A time wins over a flag. A LATE flag without a time (Canvas
 * file names) is charged as 1 late day — the least a late submission can be — unless the student
 * has an extension, which the LMS may not know of: then nothing is charged and the audit asks the
 * instructor to check.
 */
function applyLate(
  row: GradebookRow,
  courseDeadline: number,
  policy: LatePolicy,
  ext: Extension | undefined,
  timing: SubmissionTiming | undefined,
): void {
  const deadline = ext ? extendedDeadline(courseDeadline, ext) : courseDeadline;
  const deadlineIso = new Date(deadline).toISOString();
  if (ext)
    row.audit.push(
      `extension to ${deadlineIso}${ext.extraDays !== undefined ? ` (+${ext.extraDays} days)` : ""} (${ext.source})`,
    );
  let days: number;
  let submittedAt: string | undefined;
  if (timing?.submittedAt !== undefined) {
    submittedAt = timing.submittedAt;
    days = daysLate(deadline, parseInstant("buildGradebook", "timings.submittedAt", submittedAt), policy.graceMinutes);
  } else if (timing?.lateFlag) {
    if (ext) {
      row.audit.push(
        `marked late by the LMS without a time (${timing.source}) but has an extension: not charged — check by hand`,
      );
      days = 0;
    } else {
      row.audit.push(`marked late by the LMS without a time (${timing.source}): charged as 1 day late`);
      days = 1;
    }
  } else {
    if (!timing) row.audit.push("no submission time known: treated as on time");
    days = 0;
  }
  const { fraction, points } = latePenalty(policy, days, row.max);
  const deducted = Math.min(points, row.raw);
  row.late = {
    deadline: deadlineIso,
    ...(submittedAt ? { submittedAt } : {}),
    daysLate: days,
    fraction,
    points: deducted,
  };
  row.total = sumPoints([row.raw, -deducted]);
  if (days > 0)
    row.audit.push(
      `late ${days} day${days > 1 ? "s" : ""}${submittedAt ? ` (submitted ${submittedAt})` : ""}: ${pct(fraction)} of ${fmt(row.max)} = ${fmt(points)} points${deducted < points ? `, limited to the ${fmt(deducted)} earned` : ""}; ${fmt(row.raw)} → ${fmt(row.total)}`,
    );
  else if (submittedAt && Date.parse(submittedAt) > deadline)
    row.audit.push(`submitted ${submittedAt}, inside the ${policy.graceMinutes}-minute grace period: no penalty`);
}
