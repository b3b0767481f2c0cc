// temporary profiling script (removed after use)
import { mkdirSync, mkdtempSync, rmSync, chmodSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { buildPlan, buildRuntime, gradeSubmission, probeIsolation, readSubmission, findSubmissions, SandboxSession, DEFAULT_SETTINGS } from "../src/course/grade";
import { registerReferenceAnswers } from "../src/course/grade/known-answers";
import { EXERCISES } from "../src/workbook";
import { readAnswerHashes } from "../src/workbook/paths";
import { FILES, ROOT, fullSolution, makeDir, stubWith, stubs, writeStudent, solution } from "../test/grade/fixtures";

async function main() {
  const dir = makeDir();
  const subs = join(dir, "s");
  mkdirSync(subs);
  writeStudent(subs, `c`, fullSolution());
  writeStudent(subs, `e`, stubs());
  writeStudent(subs, `h`, Object.fromEntries(FILES.map((f) => [`${f}.ts`, stubWith(f, () => "(12345 as any)")])));
  const workDir = mkdtempSync(join(tmpdir(), "prof-")); chmodSync(workDir, 0o711);
  const plans = buildPlan(ROOT);
  const reg = registerReferenceAnswers(EXERCISES, readAnswerHashes(ROOT).entries);
  const runtime = buildRuntime(ROOT, join(workDir, "rt"), { memoryMb: 256 });
  await reg;
  const ctx = { plans, runtime, isolation: probeIsolation(), settings: DEFAULT_SETTINGS, workDir, fingerprint: "x" };
  const orig = SandboxSession.prototype.request;
  let times: number[] = [];
  SandboxSession.prototype.request = async function (this: SandboxSession, ...a: Parameters<typeof orig>) {
    const t = performance.now(); const r = await orig.apply(this, a); times.push(performance.now() - t); if (process.env.V) console.log(`  ${a[0]} ${a[2].length} groups ${a[2].reduce((s, g) => s + g.probes.length, 0)} probes ${(performance.now() - t).toFixed(1)} ms`); return r;
  };
  for (const round of [1, 2, 3]) for (const f of findSubmissions(subs).found) {
    times = [];
    const sub = readSubmission(f);
    const t = performance.now();
    const r = await gradeSubmission(sub, ctx);
    const total = performance.now() - t;
    const sorted = [...times].sort((a, b) => b - a);
    if (round > 1) console.log(`${f.student}: ${total.toFixed(0)} ms total, ${times.length} requests, sum ${times.reduce((s, x) => s + x, 0).toFixed(0)} ms, first ${times[0].toFixed(0)}, top ${sorted.slice(0, 5).map((x) => x.toFixed(0)).join(",")}, median ${sorted[Math.floor(sorted.length / 2)].toFixed(1)}; score ${r.total}`);
  }
  rmSync(dir, { recursive: true, force: true }); rmSync(workDir, { recursive: true, force: true });
}
main();
