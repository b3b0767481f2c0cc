// What the sandbox may read carries no answer, and the sandbox command line confines it.
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildRuntime, sandboxCommand } from "../../src/course/grade";
import { FILES, ROOT, makeDir, solution } from "./fixtures";

const dir = makeDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("buildRuntime(root, dir)", () => {
  let bundles = "";
  let child = "";
  beforeAll(async () => {
    const runtime = await buildRuntime(ROOT, join(dir, "runtime"), { memoryMb: 256, snapshot: false });
    bundles = ["child.js", "lib/library.js", "lib/not-attempted.js", "lib/data.js"]
      .map((f) => readFileSync(join(runtime.dir, f), "utf8"))
      .join("\n");
    child = readFileSync(runtime.childScript, "utf8");
  }, 60_000);

  it("has the child install the block timer (sandbox-timed-call.ts) that the workbook's invokeProbe times its calls with", () => {
    const blockTimed = /var (\w+) = timer\d*\.callWithTimeout;/.exec(child)?.[1];
    expect(blockTimed).toBeDefined();
    expect(child.split("function startChild(")[1]).toContain(`setCallTimer(${blockTimed})`);
    const invoke = child.split("// src/workbook/invoke.ts")[1].split("\n// src/")[0];
    const workbookTimed = /(\w+)\(\(\) => target\(\.\.\.args\)/.exec(invoke)?.[1];
    expect(workbookTimed).toBeDefined();
    // the workbook's callWithTimeout delegates to the installed timer
    expect(child).toMatch(
      new RegExp(`function ${workbookTimed}\\(fn, timeoutMs\\) \\{\\n  return timer\\d*\\(fn, timeoutMs\\);`),
    );
  });

  it("bundles no solution block and no hidden-check code", () => {
    for (const file of FILES) {
      // The body lines of every solution block (long enough to be distinctive).
      const bodies = solution(file)
        .split("// BEGIN SOLUTION")
        .slice(1)
        .flatMap((b) => b.split("// END SOLUTION")[0].split("\n").slice(1))
        .map((l) => l.trim())
        .filter((l) => l.length > 30 && !l.startsWith("//") && !l.startsWith("*"));
      for (const line of bodies) expect(bundles.includes(line), line).toBe(false);
    }
    expect(bundles).not.toMatch(/hiddenCases|isMistakeFor|WORKBOOK_HIDDEN_SEED/);
  });
});

describe("sandboxCommand(paths, limits, isolation)", () => {
  const paths = {
    childScript: "/rt/child.js",
    libraryBundle: "/rt/lib/library.js",
    runtimeDir: "/rt",
    submissionDir: "/w/s-1",
    scratchDir: "/w/s-1/scratch",
  };
  it("grants reads of the runtime and the private copy only, writes of scratch only, and no child processes or workers", () => {
    const cmd = sandboxCommand(
      paths,
      { memoryMb: 128, cpuSeconds: 60 },
      { privateNetwork: false, addressSpaceLimit: false },
    );
    expect(cmd.filter((a) => a.startsWith("--allow-"))).toEqual([
      "--allow-fs-read=/rt/",
      "--allow-fs-read=/w/s-1/",
      "--allow-fs-write=/w/s-1/scratch/",
    ]);
    expect(cmd).toContain("--experimental-permission");
    expect(cmd).toContain("--max-old-space-size=128");
  });
  it("wraps in unshare --net as nobody and prlimit where the machine allows", () => {
    const cmd = sandboxCommand(
      paths,
      { memoryMb: 256, cpuSeconds: 60 },
      { privateNetwork: true, addressSpaceLimit: true, user: { uid: 65534, gid: 65534 } },
    );
    expect(cmd.slice(0, 7)).toEqual(["unshare", "--net", "--setgid", "65534", "--setuid", "65534", "--"]);
    expect(cmd.slice(7, 11)).toEqual(["prlimit", `--as=${2048 * 1024 * 1024}`, "--cpu=60", "--"]);
  });
});
