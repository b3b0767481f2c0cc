// The Moodle assignment's offline grading worksheet, filled in for upload ("Upload grading worksheet").
import type { GradebookRow, SubmissionTiming } from "../gradebook/types";
import { csvCell } from "./csv";

/** The worksheet's columns as Moodle writes them (Moodle 3.x/4.x, "Offline grading worksheet" feedback type). */
export const MOODLE_WORKSHEET_COLUMNS = [
  "Identifier",
  "Full name",
  "Email address",
  "Status",
  "Grade",
  "Maximum Grade",
  "Grade can be changed",
  "Last modified (submission)",
  "Last modified (grade)",
  "Feedback comments",
] as const;

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/**
 * Moodle's long date, in UTC ("Wednesday, 23 September 2020, 9:00 PM"): the form the worksheet
 * shows. Moodle does not read this column back on upload; it is there for the instructor.
 * @example moodleDate("2020-09-23T21:00:00Z") // => "Wednesday, 23 September 2020, 9:00 PM"
 */
export function moodleDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "-";
  const h = d.getUTCHours();
  const minutes = String(d.getUTCMinutes()).padStart(2, "0");
  return `${DAYS[d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${h % 12 || 12}:${minutes} ${h < 12 ? "AM" : "PM"}`;
}

/** One line of plain text for the "Feedback comments" column: score, exercises, late penalty, overrides. */
export function moodleFeedback(row: GradebookRow): string {
  const parts = [`${row.total} of ${row.max} points (${row.status}).`];
  if (row.exercises.length) parts.push(row.exercises.map((e) => `${e.id}: ${e.points}/${e.max}`).join("; ") + ".");
  if (row.late && row.late.points > 0) parts.push(`Late by ${row.late.daysLate} day(s): −${row.late.points} points.`);
  for (const e of row.exercises)
    if (e.override) parts.push(`${e.id} set to ${e.override.points}: ${e.override.reason}.`);
  return parts.join(" ");
}

const fixed2 = (n: number): string => n.toFixed(2);

/**
 * The worksheet, one row per gradebook row, sorted by student id. Moodle matches rows by
 * "Identifier" = "Participant <id>", the roster's `lmsId` (Moodle's participant id, the number in
 * its download's folder names); a row without one keeps an empty Identifier, which Moodle reports
 * as not found on upload — listed, never dropped. "Grade" has two decimals; it is left empty for a
 * submission that was not graded (refused, grader error) so Moodle keeps the grade it has; "no
 * submission" rows get their total (0 unless an override says otherwise). "Last modified (grade)"
 * is "-" (never graded in Moodle): when Moodle holds a newer grade, tick "Allow updating records
 * that have been modified more recently in Moodle than in the spreadsheet" on upload.
 * @param timings submission times, shown in "Last modified (submission)" ("-" when unknown)
 */
export function moodleWorksheetCsv(rows: readonly GradebookRow[], timings: readonly SubmissionTiming[] = []): string {
  const when = new Map(timings.filter((t) => t.submittedAt).map((t) => [t.student, t.submittedAt!]));
  const lines = [MOODLE_WORKSHEET_COLUMNS.map(csvCell).join(",")];
  for (const row of [...rows].sort((a, b) => (a.student < b.student ? -1 : a.student > b.student ? 1 : 0))) {
    const notGraded = row.status.startsWith("refused") || row.status.startsWith("error");
    const submitted = when.get(row.student) ?? row.late?.submittedAt;
    const cells: string[] = [
      row.roster?.lmsId ? `Participant ${row.roster.lmsId}` : "",
      row.roster?.name ?? row.name,
      row.roster?.email ?? "",
      row.status === "no submission"
        ? "No submission"
        : notGraded
          ? "Submitted for grading"
          : "Submitted for grading - Graded",
      notGraded ? "" : fixed2(row.total),
      fixed2(row.max),
      "Yes",
      submitted ? moodleDate(submitted) : "-",
      "-",
      moodleFeedback(row),
    ];
    // "-" is Moodle's own "never" and safe as it is (csvCell would defuse it as a formula).
    lines.push(cells.map((c) => (c === "-" ? c : csvCell(c))).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}
