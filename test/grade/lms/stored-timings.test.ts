// A Canvas LATE flag survives `grade release` and `grade merge`, which re-render from the cache without the download.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeCached } from "../../../src/course/grade/cache";
import type { GradebookInputs } from "../../../src/course/grade/gradebook/build";
import type { SubmissionTiming } from "../../../src/course/grade/gradebook/types";
import {
  LMS_TIMINGS_FILE,
  readLmsTimings,
  withStoredTimings,
  writeLmsTimings,
} from "../../../src/course/grade/lms/stored-timings";
import { rerenderOutputs } from "../../../src/course/grade/outputs/rerender";
import { mergeShards } from "../../../src/course/grade/run";
import type { SubmissionResult } from "../../../src/course/grade/types";
import { EXERCISES } from "../../../src/workbook";
import { roundPoints } from "../../../src/workbook/credit";
import { MAX } from "../fixtures";

const dir = mkdtempSync(join(tmpdir(), "stored-timings-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const flagged: SubmissionTiming = {
  student: "ada",
  lateFlag: true,
  source: 'Canvas file name "lovelaceada_LATE_1_2_ch01.ts"',
};
const onTime: SubmissionTiming = { student: "ben", lateFlag: false, source: 'Canvas file name "okriben_3_4_ch01.ts"' };

/** A cached result with every exercise at full points (what it holds does not matter here, only that it is graded). */
const result = (student: string): SubmissionResult => ({
  student,
  name: student,
  status: "graded",
  contentHash: `h-${student}`,
  fingerprint: "f",
  verdicts: EXERCISES.map((e) => ({
    id: e.id,
    title: e.title,
    file: e.file,
    exportName: e.exportName,
    status: "pass",
    points: e.points,
    maxPoints: e.points,
    checks: [],
    hints: [],
  })),
  total: MAX,
  max: MAX,
  notices: [],
  log: { source: "x", output: "", outputTruncated: false, outputBytes: 0, processes: 1, durationMs: 1 },
});

const course: GradebookInputs = {
  deadline: "2026-12-01T23:59:00Z",
  latePolicy: { perDay: 0.1, cap: 0.5, graceMinutes: 0 },
};
const meta = { assignment: "A", canvasIdColumn: "SIS User ID" as const, isolation: "test", course };
const totals = (csv: string): Record<string, string> =>
  Object.fromEntries(
    csv
      .trim()
      .split("\r\n")
      .slice(1)
      .map((l) => l.split(","))
      .map((f) => [f[0], f[f.length - 4]]),
  );

describe("writeLmsTimings / readLmsTimings", () => {
  it("round-trips the import's timings; a folder without the file has none", () => {
    const out = join(dir, "rt");
    writeLmsTimings(out, [flagged, onTime]);
    expect(readLmsTimings(out)).toEqual([flagged, onTime]);
    expect(readLmsTimings(join(dir, "nowhere"))).toEqual([]);
  });
  it("refuses a file that is not a list of timings, naming the folder", () => {
    const out = join(dir, "bad");
    mkdirSync(out);
    writeFileSync(join(out, LMS_TIMINGS_FILE), '[{"student": 3}]');
    expect(() => readLmsTimings(out)).toThrow(/readLmsTimings.*lms-timings\.json/);
  });
});

describe("withStoredTimings", () => {
  it("puts the stored timings before the course's own (a submissions CSV still wins) and drops who has no result", () => {
    const out = join(dir, "with");
    writeLmsTimings(out, [flagged, { ...onTime, student: "gone" }]);
    const csv: SubmissionTiming = { student: "ada", submittedAt: "2026-12-01T20:00:00Z", source: "times.csv line 2" };
    const { course: merged, stored } = withStoredTimings({ ...course, timings: [csv] }, [out], new Set(["ada"]));
    expect(stored).toEqual([flagged]);
    expect(merged?.timings).toEqual([flagged, csv]);
    expect(withStoredTimings(course, [join(dir, "nowhere")], new Set(["ada"])).course).toBe(course);
  });
});

describe("grade release and grade merge after grading a Canvas download", () => {
  const penalty = roundPoints(0.1 * MAX); // flagged late without a time: 1 day

  it("release keeps the 1-day penalty of the LATE flag (it used to drop it)", async () => {
    const out = join(dir, "release");
    writeCached(out, result("ada"));
    writeCached(out, result("ben"));
    writeLmsTimings(out, [flagged, onTime]);
    await rerenderOutputs(out, { ...meta, releaseHidden: true });
    const t = totals(readFileSync(join(out, "grades.csv"), "utf8"));
    expect(t).toEqual({ ada: String(roundPoints(MAX - penalty)), ben: String(MAX) });
  });

  it("merge carries each shard's timings into the merged folder", async () => {
    const [a, b, merged] = ["shard-1", "shard-2", "merged"].map((n) => join(dir, n));
    writeCached(a, result("ada"));
    writeLmsTimings(a, [flagged, onTime]);
    writeCached(b, result("ben"));
    writeLmsTimings(b, [flagged, onTime]);
    await mergeShards(merged, [a, b], meta);
    expect(totals(readFileSync(join(merged, "grades.csv"), "utf8"))).toEqual({
      ada: String(roundPoints(MAX - penalty)),
      ben: String(MAX),
    });
    expect(readLmsTimings(merged)).toEqual([flagged, onTime]);
  });
});
