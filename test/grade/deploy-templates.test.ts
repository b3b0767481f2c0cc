// deploy/grading/: each engine's template, run the way that engine runs it, merges into the one-machine gradebook.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { shardOf } from "../../src/course/grade";
import { GITHUB_BASH, githubExpand, kubernetesExpand, run, writeFakeSbatch, type Run } from "./engines";
import {
  FILES,
  ROOT,
  idsOfFile,
  makeDir,
  mixed,
  projectCopy,
  solution,
  stubs,
  writeStudent,
  writeZip,
} from "./fixtures";

const TEMPLATES = join(ROOT, "deploy", "grading");
/** The shard count the templates ship with (each marks it `EDIT: N`). */
const SHIPPED_N = 3;
/**
 * The shard count the tests run: the templates edited at their `EDIT: N` marks as an instructor
 * would. Two processes prove what three would (each grades its share, the merge is byte-identical)
 * at two thirds of the grading runs.
 */
const N = 2;
const shardNumbers = Array.from({ length: N }, (_, i) => i + 1);
const dir = makeDir();
/** The "repository" every engine runs in: a private copy, so the grader's fingerprint holds still. */
let repo: string;
const whole = join(dir, "whole");
const env = { ...process.env };

/** A small class: full, partial, stub-only, broken and zipped submissions, spread over the N shards. */
function writeClass(subs: string): void {
  writeStudent(subs, "ada", { ...stubs(), "ch02.ts": solution("ch02") });
  writeStudent(subs, "ben", { ...stubs(), "ch02.ts": mixed("ch02", new Set(idsOfFile("ch02").slice(0, 2))) });
  writeStudent(subs, "cy", stubs());
  writeStudent(subs, "dee", { ...stubs(), "ch04.ts": solution("ch04") });
  writeStudent(subs, "eve", { ...stubs(), "ch03.ts": "export const broken = ;\n" });
  writeZip(subs, "fay", { [`exercises/${FILES[0]}.ts`]: solution(FILES[0]) });
}

const ok = (r: Run, what: string): void => expect(r.code, `${what}\n${r.stdout}\n${r.stderr}`).toBe(0);

/**
 * Gradescope's `execution_time` is how long this run took to grade the student (a measurement,
 * different in every run): the one number of results/*.json that cannot be byte-identical.
 */
const untimed = (json: string): string =>
  json.replace(/"execution_time": [-+.\de]+/g, '"execution_time": "(measured)"');

/**
 * grades.csv and the Canvas CSV of `merged` are byte for byte those of the one-machine run, and
 * so is every results/*.json but for its measured execution_time.
 */
function expectSameGradebook(merged: string): void {
  const results = (d: string): string[] => readdirSync(join(d, "results")).sort();
  expect(results(merged)).toEqual(results(whole));
  expect(results(whole)).toHaveLength(6);
  for (const f of ["grades.csv", "gradebook-canvas.csv"])
    expect(readFileSync(join(merged, f), "utf8"), f).toBe(readFileSync(join(whole, f), "utf8"));
  for (const f of results(whole).map((r) => join("results", r))) {
    const text = readFileSync(join(merged, f), "utf8");
    expect(text, f).toMatch(/"execution_time": \d/);
    expect(untimed(text), f).toBe(untimed(readFileSync(join(whole, f), "utf8")));
  }
}

beforeAll(async () => {
  repo = projectCopy(dir);
  writeClass(join(repo, "submissions"));
  // Every shard grades someone: the test would prove less with an empty shard.
  expect(new Set(["ada", "ben", "cy", "dee", "eve", "fay"].map((s) => shardOf(s, N)))).toEqual(new Set(shardNumbers));
  const one = await run(["bash", "-c", `npm run grade -- --submissions submissions/ --out "${whole}" --quiet`], {
    cwd: repo,
    env,
  });
  ok(one, "one-machine run");
  expect(readFileSync(join(whole, "grades.csv"), "utf8")).toMatch(/^ada,/m);
}, 240_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface GithubStep {
  uses?: string;
  run?: string;
  name?: string;
  with?: Record<string, string | boolean | number>;
}
interface GithubJob {
  needs?: string | string[];
  strategy?: { matrix: Record<string, Array<string | number>> };
  env?: Record<string, string>;
  steps: GithubStep[];
}

describe("deploy/grading/github-actions.yml", () => {
  it("matrix shards, artifacts and the merge job give the one-machine gradebook", async () => {
    const wf = parse(readFileSync(join(TEMPLATES, "github-actions.yml"), "utf8")) as {
      env?: Record<string, string>;
      jobs: Record<string, GithubJob>;
    };
    const shardJob = wf.jobs.shard;
    const mergeJob = wf.jobs.merge;
    expect(mergeJob.needs).toBe("shard");
    expect(shardJob.strategy!.matrix.shard).toEqual(Array.from({ length: SHIPPED_N }, (_, i) => i + 1));
    // The instructor's edit (EDIT: 1..N): the matrix lists N shards.
    const shards = shardNumbers;
    const grade = shardJob.steps.find((s) => s.run?.includes("npm run grade"))!;
    const upload = shardJob.steps.find((s) => s.uses?.startsWith("actions/upload-artifact"))!;
    const jobEnv = { ...env, ...wf.env, ...shardJob.env };
    // The shard jobs, at once; each artifact is then what upload-artifact keeps of its path.
    const artifacts = join(dir, "gh-artifacts");
    const runs = await Promise.all(
      shards.map((shard) =>
        run([...GITHUB_BASH, githubExpand(grade.run!, { matrix: { shard }, jobTotal: shards.length })], {
          cwd: repo,
          env: jobEnv,
        }),
      ),
    );
    runs.forEach((r, i) => ok(r, `shard ${shards[i]}`));
    for (const shard of shards) {
      const ctx = { matrix: { shard }, jobTotal: shards.length };
      const name = githubExpand(String(upload.with!.name), ctx);
      const hidden = upload.with!["include-hidden-files"] === true;
      cpSync(join(repo, githubExpand(String(upload.with!.path), ctx)), join(artifacts, name), {
        recursive: true,
        filter: (src) => hidden || !src.split("/").pop()!.startsWith("."),
      });
    }
    // The merge job: a fresh checkout; download-artifact puts each artifact matching the pattern in <path>/<name>.
    const mergeRepo = projectCopy(join(dir, "gh-merge"));
    const download = mergeJob.steps.find((s) => s.uses?.startsWith("actions/download-artifact"))!;
    const pattern = new RegExp(`^${String(download.with!.pattern).replace(/\*/g, ".*")}$`);
    for (const name of readdirSync(artifacts).filter((n) => pattern.test(n)))
      cpSync(join(artifacts, name), join(mergeRepo, String(download.with!.path), name), { recursive: true });
    const merge = mergeJob.steps.find((s) => s.run?.includes("grade -- merge"))!;
    ok(await run([...GITHUB_BASH, merge.run!], { cwd: mergeRepo, env: { ...env, ...wf.env } }), "merge");
    const mergedPath = mergeJob.steps.filter((s) => s.uses?.startsWith("actions/upload-artifact")).pop()!.with!.path;
    expectSameGradebook(join(mergeRepo, String(mergedPath)));
  }, 600_000);
});

interface K8sContainer {
  image: string;
  workingDir: string;
  command: string[];
  args?: string[];
  env?: Array<{ name: string; value: string }>;
  volumeMounts: Array<{ name: string; mountPath: string }>;
}
interface K8sJob {
  kind: string;
  spec: {
    completionMode?: string;
    completions: number;
    parallelism?: number;
    template: { spec: { containers: K8sContainer[] } };
  };
}

describe("deploy/grading/kubernetes/", () => {
  /** One pod: the volume at a folder of the test, the image's repository at `repo`, the args expanded by Kubernetes' rules. */
  function pod(c: K8sContainer, volume: string, extra: Record<string, string>): Promise<Run> {
    const mount = c.volumeMounts[0].mountPath;
    const containerEnv: Record<string, string> = { ...extra };
    for (const e of c.env ?? [])
      containerEnv[e.name] = e.value.startsWith(mount) ? volume + e.value.slice(mount.length) : e.value;
    const argv = [...c.command, ...(c.args ?? [])].map((a) => kubernetesExpand(a, containerEnv));
    return run(argv, { cwd: repo, env: { ...env, ...containerEnv } });
  }

  it("the Indexed Job's pods (JOB_COMPLETION_INDEX 0…N-1) and the merge Job give the one-machine gradebook", async () => {
    const shards = parse(readFileSync(join(TEMPLATES, "kubernetes", "grade-shards.yaml"), "utf8")) as K8sJob;
    const merge = parse(readFileSync(join(TEMPLATES, "kubernetes", "grade-merge.yaml"), "utf8")) as K8sJob;
    expect([shards.kind, shards.spec.completionMode, shards.spec.completions]).toEqual(["Job", "Indexed", SHIPPED_N]);
    const shipped = shards.spec.template.spec.containers[0];
    expect(shipped.env?.find((e) => e.name === "SHARDS")?.value).toBe(String(shards.spec.completions));
    // The instructor's edit (EDIT: N): N pods (completions) and SHARDS = N.
    const c = { ...shipped, env: shipped.env?.map((e) => (e.name === "SHARDS" ? { ...e, value: String(N) } : e)) };
    const volume = join(dir, "k8s-volume");
    cpSync(join(repo, "submissions"), join(volume, "submissions"), { recursive: true });
    const runs = await Promise.all(
      Array.from({ length: N }, (_, k) => pod(c, volume, { JOB_COMPLETION_INDEX: String(k) })),
    );
    runs.forEach((r, k) => ok(r, `pod ${k}`));
    expect(readdirSync(join(volume, "graded")).sort()).toEqual(shardNumbers.map((k) => `shard-${k}`));
    ok(await pod(merge.spec.template.spec.containers[0], volume, {}), "merge pod");
    expectSameGradebook(join(volume, "graded", "all"));
  }, 600_000);
});

describe("deploy/grading/slurm/", () => {
  it("submit.sh: the array (SLURM_ARRAY_TASK_ID 1…N) then the afterok merge give the one-machine gradebook", async () => {
    const sbatch = readFileSync(join(TEMPLATES, "slurm", "grade.sbatch"), "utf8");
    const shippedArray = new RegExp(`^#SBATCH --array=1-${SHIPPED_N}$`, "m");
    expect(sbatch).toMatch(shippedArray);
    expect(sbatch).toContain("$SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT");
    // The instructor's edit (EDIT: N), in a copy of the templates: the array runs 1…N.
    const templates = join(dir, "slurm-templates");
    cpSync(join(TEMPLATES, "slurm"), templates, { recursive: true });
    writeFileSync(join(templates, "grade.sbatch"), sbatch.replace(shippedArray, `#SBATCH --array=1-${N}`));
    const bin = join(dir, "slurm-bin");
    writeFakeSbatch(bin);
    const slurmRepo = projectCopy(join(dir, "slurm"));
    cpSync(join(repo, "submissions"), join(slurmRepo, "submissions"), { recursive: true });
    const submitted = await run(["bash", join(templates, "submit.sh")], {
      cwd: slurmRepo,
      env: { ...env, PATH: `${bin}:${env.PATH}` },
    });
    ok(submitted, "submit.sh");
    // Two jobs: the array (N tasks, all exit 0) and the merge.
    const state = readdirSync(join(bin, "state")).sort();
    expect(state).toEqual(["1000", "1001"]);
    expect(readFileSync(join(bin, "state", "1000"), "utf8")).toBe("0\n".repeat(N));
    expect(existsSync(join(slurmRepo, "graded", "logs", `grade-${N}.out`))).toBe(true);
    expectSameGradebook(join(slurmRepo, "graded", "all"));
  }, 600_000);

  it("the fake sbatch holds back a merge whose array failed (afterok)", async () => {
    const bin = join(dir, "slurm-fail-bin");
    writeFakeSbatch(bin);
    const work = join(dir, "slurm-fail");
    mkdirSync(work);
    const failing = join(work, "fail.sbatch");
    const merge = join(work, "merge.sbatch");
    writeFileSync(failing, '#!/bin/bash\n#SBATCH --array=1-2\n[ "$SLURM_ARRAY_TASK_ID" = 1 ]\n');
    writeFileSync(merge, "#!/bin/bash\ntouch merged\n");
    const r = await run(
      ["bash", "-c", `id=$(sbatch --parsable ${failing}) && sbatch --dependency=afterok:$id ${merge}`],
      { cwd: work, env: { ...env, PATH: `${bin}:${env.PATH}` } },
    );
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/never satisfied/);
    expect(existsSync(join(work, "merged"))).toBe(false);
  });
});
