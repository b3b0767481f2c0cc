// One watchdog per block of calls gives every call the outcome its own watchdog would give.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import Module from "node:module";
import { join } from "node:path";
import vm from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildRuntime, createBlockTimer, SandboxSession, type Runtime } from "../../src/course/grade";
import { timeoutError } from "../../src/course/grade/sandbox/sandbox-timed-call";
import {
  callWithTimeout,
  invokeProbe,
  TimeoutError,
  type AnswerSpec,
  type Outcome,
  type Probe,
} from "../../src/workbook";
import { ROOT, makeDir } from "./fixtures";

const busy = (ms: number): void => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};
/** A block timer around the workbook's own per-call watchdog, as the sandbox builds it. */
const timer = () =>
  createBlockTimer({ watchdog: callWithTimeout, timeoutError, isTimeoutError: (e) => e instanceof TimeoutError });
/** What a call gives under a timer: its value, or the error's name and message. */
const settle = (call: () => unknown): string => {
  try {
    return `value ${String(call())}`;
  } catch (err) {
    return err instanceof Error ? `${err.name}: ${err.message}` : `threw ${String(err)}`;
  }
};

describe("timeoutError(ms)", () => {
  it("is the error the workbook's callWithTimeout throws at its limit", () => {
    const own = settle(() =>
      callWithTimeout(() => {
        for (;;);
      }, 30),
    );
    expect(own).toBe(`TimeoutError: ${timeoutError(30).message}`);
    expect(timeoutError(30)).toBeInstanceOf(TimeoutError);
  });
});

describe("createBlockTimer(options).runSteps(count, callMs, step, timedOut)", () => {
  it("runs quick calls in order under one watchdog", () => {
    const { callWithTimeout: timed, runSteps } = timer();
    const { results, blocks } = runSteps(
      200,
      50,
      (i) => timed(() => i * 2, 50),
      () => -1,
    );
    expect(results).toEqual(Array.from({ length: 200 }, (_, i) => i * 2));
    expect(blocks).toBe(1);
  });

  it("gives each call the outcome of its own watchdog: value, thrown error, late return, late throw, endless loop", () => {
    const calls: Array<() => unknown> = [
      () => 42,
      () => {
        throw new RangeError("bad input");
      },
      () => (busy(80), "late"),
      () => {
        busy(80);
        throw new RangeError("late throw");
      },
      () => {
        for (;;);
      },
      () => (busy(10), "in time"),
    ];
    const own = calls.map((fn) => settle(() => callWithTimeout(fn, 50)));
    const { callWithTimeout: timed, runSteps } = timer();
    const { results } = runSteps(
      calls.length,
      50,
      (i) => settle(() => timed(calls[i], 50)),
      () => `TimeoutError: ${timeoutError(50).message}`,
    );
    expect(results).toEqual(own);
    expect(own.slice(2, 5)).toEqual(Array(3).fill("TimeoutError: did not finish within 0.05 s (an endless loop?)"));
  });

  it("interrupts an endless loop no later than callMs + the window, and goes on with the next step", () => {
    const { callWithTimeout: timed, runSteps } = timer();
    const started = performance.now();
    const { results, blocks } = runSteps<number | string>(
      3,
      50,
      (i) =>
        i === 1
          ? timed(() => {
              for (;;);
            }, 50)
          : timed(() => i, 50),
      () => "timed out",
    );
    expect(results).toEqual([0, "timed out", 2]);
    expect(blocks).toBe(2);
    expect(performance.now() - started).toBeLessThan(50 + 250 + 200);
  });

  it("runs a step again outside any block when the block ends in code outside a call (a slow getter), as the workbook would", () => {
    const { callWithTimeout: timed, runSteps } = timer();
    let invocations = 0;
    const { results } = runSteps(
      2,
      50,
      (i) => {
        if (i === 0) {
          invocations++;
          busy(400); // not a call: without blocks nothing limits it
          return "slow getter done";
        }
        return timed(() => "next", 50);
      },
      () => "wrongly timed out",
    );
    expect(results).toEqual(["slow getter done", "next"]);
    expect(invocations).toBe(2);
  });

  it("lets an error thrown by a step propagate, as it would without blocks", () => {
    const { runSteps } = timer();
    expect(() =>
      runSteps(
        1,
        50,
        () => {
          throw new RangeError("from normalisation");
        },
        () => 0,
      ),
    ).toThrow(/from normalisation/);
  });
});

describe("the sandbox runner (child.js) with SandboxSession.request(file, label, groups, callMs, budgetOf)", () => {
  const dir = makeDir();
  const submission = join(dir, "student");
  let runtime: Runtime;
  const source = `
exports.double = (x) => x * 2;
exports.fails = () => { throw new RangeError("nope"); };
exports.loops = () => { for (;;) {} };
exports.slow = (ms) => { const end = Date.now() + ms; while (Date.now() < end) {} return 1; };
exports.hangs = { type: "Unit", toNumber() { for (;;) {} } };
// 300 distinct 1 MB lines: with asynchronous pipes they all queued in this process's heap (killed by SIGABRT at 64 MB).
exports.prints = () => { for (let i = 0; i < 300; i++) console.log(String(i).padEnd(1e6, "y")); return 7; };
exports.printsForever = () => { for (let i = 0; ; i++) console.log("integration step", i, "of many"); };
`;
  const answer: AnswerSpec = { type: "number" };
  const groups: Array<{ answer: AnswerSpec; probes: Probe[] }> = [
    { answer, probes: [1, 2, 3].map((x) => ({ exportName: "double", args: [x] })) },
    {
      answer,
      probes: [
        { exportName: "slow", args: [20] },
        { exportName: "slow", args: [300] },
      ],
    },
    { answer, probes: [{ exportName: "loops", args: [] }] },
    {
      answer,
      probes: [
        { exportName: "fails", args: [] },
        { exportName: "missing", args: [] },
      ],
    },
    // Its answer loops while being read (outside any call): only the parent's kill ends it.
    { answer: { type: "number", unit: "ug" }, probes: [{ exportName: "hangs" }] },
    { answer, probes: [{ exportName: "double", args: [21] }] },
  ];
  const session = () =>
    new SandboxSession({
      paths: {
        childScript: runtime.childScript,
        libraryBundle: runtime.libraryBundle,
        runtimeDir: runtime.dir,
        submissionDir: submission,
        scratchDir: join(submission, "scratch"),
      },
      limits: { memoryMb: 128, cpuSeconds: 60 },
      isolation: { privateNetwork: false, addressSpaceLimit: false },
      outputCap: 4096,
    });

  beforeAll(async () => {
    mkdirSync(join(submission, "exercises"), { recursive: true });
    mkdirSync(join(submission, "scratch"));
    writeFileSync(join(submission, "exercises", "x.js"), source);
    runtime = await buildRuntime(ROOT, join(dir, "runtime"), { memoryMb: 128, snapshot: false });
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("answers each group as the workbook's invokeProbe does in-process, and a hang costs only its own group", async () => {
    // The same module in this process, called with the workbook's own per-call watchdog.
    const local = { exports: {} as Record<string, unknown> };
    (vm.runInThisContext(Module.wrap(source)) as (...a: unknown[]) => void)(local.exports, require, local);
    const expected = groups
      .slice(0, 4)
      .map((g) => g.probes.map((p) => invokeProbe(local.exports, p, answer, "exercises/x.ts", 100)));
    expect(expected[1][1]).toEqual({ kind: "error", message: "slow did not finish within 0.1 s (an endless loop?)" });

    const s = session();
    try {
      const first = await s.request("x.js", "exercises/x.ts", groups, 100, () => 1500);
      expect(first.done).toEqual(expected);
      expect(first.stop).toEqual({
        kind: "failed",
        reply: { kind: "timeout", duringLoad: false, printed: { group: 0, process: 0 } },
        budgetMs: 1500,
      });
      const rest = await s.request("x.js", "exercises/x.ts", groups.slice(5), 100, () => 1500);
      expect(rest).toEqual({ done: [[{ kind: "answer", value: 42 } satisfies Outcome]], printed: [0] });
      expect(s.spawned).toBe(2);
    } finally {
      await s.close();
    }
  }, 30_000);

  it("counts what each group printed; printing 300 MB blocks on the pipe instead of filling the sandbox's memory", async () => {
    const s = new SandboxSession({
      paths: {
        childScript: runtime.childScript,
        libraryBundle: runtime.libraryBundle,
        runtimeDir: runtime.dir,
        submissionDir: submission,
        scratchDir: join(submission, "scratch"),
      },
      limits: { memoryMb: 64, cpuSeconds: 300 },
      isolation: { privateNetwork: false, addressSpaceLimit: false },
      outputCap: 4096,
    });
    try {
      // Generous limits: only the outcome is asserted, never a duration.
      const reply = await s.request(
        "x.js",
        "exercises/x.ts",
        [groups[0], { answer, probes: [{ exportName: "prints", args: [] }] }],
        120_000,
        () => 120_000,
      );
      expect(reply.stop).toBeUndefined();
      expect(reply.done[1]).toEqual([{ kind: "answer", value: 7 }]);
      expect(reply.printed[0]).toBe(0);
      expect(reply.printed[1]).toBeGreaterThanOrEqual(300e6);
      expect(s.capturedOutput()).toEqual({ text: expect.any(String), truncated: true, bytes: reply.printed[1] });
    } finally {
      await s.close();
    }
  }, 180_000);

  it("reports how much a group printed when its time ran out, and which file printed it", async () => {
    const s = session();
    try {
      const reply = await s.request(
        "x.js",
        "exercises/x.ts",
        [{ answer, probes: [{ exportName: "printsForever", args: [] }] }],
        60_000,
        () => 1500,
      );
      expect(reply.stop).toEqual({
        kind: "failed",
        reply: {
          kind: "timeout",
          duringLoad: false,
          printed: {
            group: expect.any(Number),
            process: expect.any(Number),
            loudest: { label: "exercises/x.ts", bytes: expect.any(Number) },
          },
        },
        budgetMs: 1500,
      });
      const printed = reply.stop?.kind === "failed" ? reply.stop.reply.printed : undefined;
      expect(printed?.group).toBeGreaterThan(64 * 1024);
      expect(printed?.process).toBe(printed?.loudest?.bytes);
    } finally {
      await s.close();
    }
  }, 30_000);

  it("ends a request without running the next group when the budget function leaves no time", async () => {
    const s = session();
    try {
      const reply = await s.request("x.js", "exercises/x.ts", [groups[0], groups[5]], 100, (group) =>
        group === 0 ? 5000 : 0,
      );
      expect(reply).toEqual({
        done: [[2, 4, 6].map((value) => ({ kind: "answer", value }))],
        printed: [0],
        stop: { kind: "out-of-time" },
      });
    } finally {
      await s.close();
    }
  }, 30_000);
});
