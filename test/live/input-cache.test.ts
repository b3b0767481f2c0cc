import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cachedOutput } from "../../src/course/live/input-cache";

describe("cachedOutput (the live type checker's build cache)", () => {
  it("reuses the output while every input is unchanged, and makes it afresh when one changes or the manifest is unreadable", async () => {
    const dir = mkdtempSync(join(tmpdir(), "input-cache-"));
    const a = join(dir, "a.txt");
    const b = join(dir, "b.txt");
    writeFileSync(a, "one");
    writeFileSync(b, "two");
    let makes = 0;
    const make = async () => ({
      text: `${readFileSync(a, "utf8")}+${readFileSync(b, "utf8")} #${++makes}`,
      inputs: [a, b],
    });
    const out = join(dir, "cache", "out.js");
    expect(await cachedOutput(out, make)).toBe("one+two #1");
    expect(await cachedOutput(out, make)).toBe("one+two #1");
    writeFileSync(b, "TWO");
    expect(await cachedOutput(out, make)).toBe("one+TWO #2");
    writeFileSync(join(dir, "cache", "out.js.inputs.json"), "{ not json");
    expect(await cachedOutput(out, make)).toBe("one+TWO #3");
    expect(await cachedOutput(out, make)).toBe("one+TWO #3");
    expect(makes).toBe(3);
  });
});
