import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { writeFileAtomic } from "../../src/core/files";
import { findProjectRoot } from "../../src/workbook/paths";

const root = findProjectRoot();
const dir = mkdtempSync(join(tmpdir(), "files-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("writeFileAtomic(path, data)", () => {
  it("creates the parent folders, writes text or bytes, replaces the file, and leaves no temporary file", () => {
    const path = join(dir, "a", "b", "out.txt");
    writeFileAtomic(path, "one");
    writeFileAtomic(path, new TextEncoder().encode("two"));
    expect(readFileSync(path, "utf8")).toBe("two");
    expect(readdirSync(join(dir, "a", "b"))).toEqual(["out.txt"]);
  });

  it("removes its temporary file and throws when the rename fails (the target is a folder)", () => {
    const target = join(dir, "taken");
    mkdirSync(join(target, "inside"), { recursive: true });
    expect(() => writeFileAtomic(target, "x")).toThrow();
    expect(readdirSync(dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });

  it("is the one atomic writer: the typed entry delegates to src/core/atomic-write.cjs, which src/cli/check.cjs uses too", () => {
    const shared = createRequire(join(root, "src", "core", "files.ts"))("./atomic-write.cjs") as {
      writeFileAtomic: (p: string, d: string) => void;
    };
    const spy = vi.spyOn(shared, "writeFileAtomic");
    try {
      writeFileAtomic(join(dir, "spied.txt"), "x");
      expect(spy).toHaveBeenCalledWith(join(dir, "spied.txt"), "x");
    } finally {
      spy.mockRestore();
    }
    const launcher = readFileSync(join(root, "src", "cli", "check.cjs"), "utf8");
    expect(launcher).toContain('require("../core/atomic-write.cjs")');
    // No writer of its own: the bundle, its manifest and the V8 code cache all go through the shared one.
    expect(launcher).not.toMatch(/\b(renameSync|writeFileSync)\b/);
  });
});
