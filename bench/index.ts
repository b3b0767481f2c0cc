/**
 * `npm run bench`: every benchmark in bench/, one after another. Each prints its own
 * figures and the ratio against the obvious alternative measured in the same run.
 * Pass names to run a subset: `npm run bench -- nca`.
 */
import { existsSync } from "node:fs";
import { basename, join } from "node:path";

/** Paths under bench/ without ".ts"; the grader's is instructor-only (absent from the student edition, then skipped). */
const BENCHES = [
  "nca",
  "michaelis-menten",
  "instructor/grade",
  "instructor/grade-machinery",
  "build",
  "lean-builder",
] as const;

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  for (const name of BENCHES) {
    if (wanted.length > 0 && !wanted.includes(name) && !wanted.includes(basename(name))) continue;
    const file = join(__dirname, `${name}.ts`);
    if (!existsSync(file)) continue;
    console.log(`\n=== bench/${name} ===`);
    const mod = (await import(file)) as { run: () => Promise<void> };
    await mod.run();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
