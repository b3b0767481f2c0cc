/**
 * Gradescope's run_autograder: grade ONE submission (/autograder/submission) with the class
 * grader and write /autograder/results/results.json. The root /autograder can be moved with
 * GRADESCOPE_AUTOGRADER_ROOT (tests); GRADESCOPE_RELEASE=1 shows hidden checks and the score at
 * once instead of when the instructor publishes the grades. With `gradescope.json`'s variants on
 * (`npm run gradescope:build -- --variants`), the submission is graded against the numbers of
 * its student's Gradescope Student ID.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { InputError } from "../../core/errors";
import { readJsonFile } from "../../core/read-json";
import { GRADESCOPE_SETTINGS_FILE, type GradescopeSettings } from "../../course/grade/lms/gradescope-bundle";
import { gradescopeStudentId } from "../../course/grade/lms/gradescope-metadata";
import { collectGradescopeSubmission } from "../../course/grade/lms/gradescope-submission";
import { gradescopeResults, type GradescopeResults } from "../../course/grade/outputs/gradescope";
import { gradeClass } from "../../course/grade/run";
import { findProjectRoot } from "../../workbook/paths";
import { referenceSolutions } from "./reference-solutions";

const autograder = resolve(process.env.GRADESCOPE_AUTOGRADER_ROOT ?? "/autograder");
const resultsFile = join(autograder, "results", "results.json");

function writeResults(results: GradescopeResults | { score: number; output: string; tests: [] }): void {
  mkdirSync(join(autograder, "results"), { recursive: true });
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
}

/** gradescope.json, written into the zip by `npm run gradescope:build`; absent (an older zip): no variants. */
function readSettings(root: string): GradescopeSettings {
  const path = join(root, GRADESCOPE_SETTINGS_FILE);
  if (!existsSync(path)) return { variants: false };
  const settings = readJsonFile("run_autograder", GRADESCOPE_SETTINGS_FILE, path) as Partial<GradescopeSettings> | null;
  if (typeof settings?.variants !== "boolean")
    throw new InputError("run_autograder", `${path}: variants`, "must be true or false", settings?.variants);
  return { variants: settings.variants };
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), "gradescope-"));
  try {
    const root = findProjectRoot();
    const { variants } = readSettings(root);
    // With variants the folder is the student's id: the grader draws their numbers from it.
    const student = variants ? gradescopeStudentId(join(autograder, "submission_metadata.json")) : "submission";
    const notes = collectGradescopeSubmission(join(autograder, "submission"), join(work, "submissions", student));
    for (const n of notes) console.log(n);
    const report = await gradeClass({
      root,
      reference: referenceSolutions(root),
      submissions: join(work, "submissions"),
      out: join(work, "out"),
      concurrency: 1,
      progress: false,
      assignment: process.env.GRADESCOPE_ASSIGNMENT ?? "Microdosing Workbook",
      ...(variants ? { variants: true } : {}),
    });
    const row = report.rows.find((r) => r.student === student);
    if (!row) throw new Error("the grader returned no result for the submission");
    const results = gradescopeResults(row, process.env.GRADESCOPE_RELEASE === "1");
    const taken = notes.filter((n) => !n.startsWith("graded "));
    if (taken.length) results.output = [...taken, results.output].join("\n");
    writeResults(results);
    console.log(`${row.status}: ${row.total} of ${row.max} points (${report.isolation})`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err);
  console.error(message);
  // Gradescope shows the output of results.json to the student: say the autograder failed, not the student.
  writeResults({
    score: 0,
    output: `The autograder failed on this submission (not your fault): ${message.slice(0, 300)}`,
    tests: [],
  });
  process.exit(1);
});
