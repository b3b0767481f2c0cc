// temporary profiling script (removed after use)
import { mkdtempSync, chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { buildPlan, buildRuntime, probeIsolation, SandboxSession, transpileStudentFile } from "../src/course/grade";
import { ROOT, stub, solution } from "../test/grade/fixtures";

async function main() {
  const w = mkdtempSync(join(tmpdir(), "rq-")); chmodSync(w, 0o711);
  const rt = buildRuntime(ROOT, join(w, "rt"), { memoryMb: 256, snapshot: false });
  if (process.env.PATCH) { const fs = require("fs"); const c = fs.readFileSync(rt.childScript, "utf8"); const n = c.replace("runInThisContext({ timeout: timeoutMs })", "runInThisContext()"); if (n === c) throw new Error("no patch"); fs.writeFileSync(rt.childScript, n); }
  const plans = buildPlan(ROOT);
  for (const [name, src] of [["stub", stub("ch05")], ["solution", solution("ch05")]] as const) {
    const sub = join(w, name); mkdirSync(join(sub, "exercises"), { recursive: true }); mkdirSync(join(sub, "scratch"));
    const t = transpileStudentFile("exercises/ch05.ts", src); if (!t.ok) throw new Error(t.message);
    writeFileSync(join(sub, "exercises", "ch05.js"), t.js);
    const s = new SandboxSession({ paths: { childScript: rt.childScript, libraryBundle: rt.libraryBundle, runtimeDir: rt.dir, submissionDir: sub, scratchDir: join(sub, "scratch") }, limits: { memoryMb: 256, cpuSeconds: 100 }, isolation: probeIsolation(), outputCap: 65536 });
    const ch05 = plans.filter((p) => p.exercise.file === "ch05");
    const hidden = ch05.filter((p) => p.hiddenProbes.length > 0).map((p) => ({ answer: p.exercise.answer, probes: p.hiddenProbes }));
    const pub = ch05.map((p) => ({ answer: p.exercise.answer, probes: p.publicProbes }));
    for (const [label, groups] of [["public", pub], ["hidden", hidden]] as const) {
      const times: number[] = [];
      for (let i = 0; i < 20; i++) { const t0 = performance.now(); const r = await s.request("ch05.js", "exercises/ch05.ts", groups, 2000, () => 6000); times.push(performance.now() - t0); if (r.stop) console.log(r.stop); }
      console.log(`${name} ${label} ${groups.reduce((a, g) => a + g.probes.length, 0)} probes: ${times.map((x) => x.toFixed(1)).join(" ")}`);
    }
    await s.close();
  }
}
main();
