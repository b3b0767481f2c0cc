// temporary profiling script (removed after use)
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { gradeClass } from "../src/course/grade";
import { FILES, fullSolution, makeDir, stubWith, stubs, writeStudent, solution } from "../test/grade/fixtures";

async function main() {
  const dir = makeDir();
  const subs = join(dir, "s");
  mkdirSync(subs);
  const n = Number(process.env.N ?? 10);
  for (let i = 0; i < n; i++) {
    writeStudent(subs, `c${i}`, fullSolution());
    writeStudent(subs, `e${i}`, stubs());
    writeStudent(subs, `h${i}`, Object.fromEntries(FILES.map((f) => [`${f}.ts`, stubWith(f, () => "(12345 as any)")])));
    writeStudent(subs, `b${i}`, { ...fullSolution(), "ch02.ts": `${solution("ch02")}\nexport const = ;\n` });
  }
  const t = performance.now();
  const r = await gradeClass({ submissions: subs, out: join(dir, "out"), force: true, progress: false, concurrency: Number(process.env.J ?? 2) });
  console.log(`${r.graded} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  rmSync(dir, { recursive: true, force: true });
}
main();
