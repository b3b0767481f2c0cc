import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { assertProperty } from "../support/properties";
import { createRandom } from "../../src";

describe("createRandom(seed)", () => {
  it("gives the same sequence for the same seed and a different one for another seed", () => {
    const a = createRandom(42),
      b = createRandom(42),
      c = createRandom(43);
    const xa = Array.from({ length: 5 }, () => a.uniform());
    expect(Array.from({ length: 5 }, () => b.uniform())).toEqual(xa);
    expect(Array.from({ length: 5 }, () => c.uniform())).not.toEqual(xa);
  });
  it("uniform() stays in [0, 1) and normal() has mean 0 and variance 1", () => {
    const r = createRandom(7);
    const xs = Array.from({ length: 50_000 }, () => r.normal());
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.abs(variance - 1)).toBeLessThan(0.03);
    assertProperty(
      fc.property(fc.integer(), (seed) => {
        const u = createRandom(seed).uniform();
        return u >= 0 && u < 1;
      }),
    );
  });
  it("logNormal(median, omega) has the requested median", () => {
    const r = createRandom(11);
    const xs = Array.from({ length: 20_001 }, () => r.logNormal(10, 0.3)).sort((x, y) => x - y);
    expect(xs[10_000]).toBeGreaterThan(9.8);
    expect(xs[10_000]).toBeLessThan(10.2);
  });
  it("integer(min, max) covers both ends", () => {
    const r = createRandom(3);
    const seen = new Set(Array.from({ length: 600 }, () => r.integer(1, 6)));
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });
  it("fork() gives reproducible, independent child streams", () => {
    const p1 = createRandom(5),
      p2 = createRandom(5);
    const a1 = p1.fork(),
      b1 = p1.fork(),
      a2 = p2.fork();
    expect(a1.uniform()).toBe(a2.uniform());
    expect(b1.uniform()).not.toBe(a1.uniform());
  });
  it("fork() children share no draws with each other or with the parent's later draws", () => {
    const parent = createRandom(11);
    const streams: number[][] = [];
    for (let i = 0; i < 8; i++) {
      const child = parent.fork();
      streams.push(Array.from({ length: 64 }, () => child.uniform()));
      streams.push(Array.from({ length: 8 }, () => parent.uniform()));
    }
    const all = streams.flat();
    expect(new Set(all).size).toBe(all.length);
  });
  it("fork() child differs from the parent's own sequence", () => {
    const a = createRandom(9),
      b = createRandom(9);
    const child = a.fork();
    expect(Array.from({ length: 4 }, () => child.uniform())).not.toEqual(Array.from({ length: 4 }, () => b.uniform()));
  });
  it("rejects a seed that is not an integer", () => {
    expect(() => createRandom(1.5)).toThrow(/createRandom: seed must be an integer/);
    expect(() => createRandom(1).integer(5, 2)).toThrow(/Random.integer: max must be an integer >= 5; received 2/);
  });
});
