import { describe, expect, it } from "vitest";
import { integrate } from "../../src";

describe("integrate", () => {
  it("integrate((t, y) => [−y], [1], [0, 1]) gives e^{−1} (doc example)", () => {
    expect(integrate((_t, y) => [-y[0]], [1], [0, 1], { rtol: 1e-10, atol: 1e-12 })[1][0]).toBeCloseTo(Math.exp(-1), 9);
  });

  it("integrate reports every requested time, the first being a copy of y0", () => {
    const y0 = [0, 1];
    const times = [0, 0.5, Math.PI / 2, Math.PI, 10];
    const out = integrate((_t, y) => [y[1], -y[0]], y0, times, { rtol: 1e-12, atol: 1e-14 });
    expect(out).toHaveLength(times.length);
    expect(out[0]).toEqual(y0);
    expect(out[0]).not.toBe(y0);
    times.forEach((t, i) => {
      expect(out[i][0]).toBeCloseTo(Math.sin(t), 9);
      expect(out[i][1]).toBeCloseTo(Math.cos(t), 9);
    });
  });

  it("integrate's error follows the requested tolerance", () => {
    const err = (rtol: number) =>
      Math.abs(integrate((_t, y) => [-0.7 * y[0]], [1], [0, 20], { rtol, atol: 1e-30 })[1][0] / Math.exp(-14) - 1);
    expect(err(1e-6)).toBeLessThan(1e-4);
    expect(err(1e-12)).toBeLessThan(1e-10);
    expect(err(1e-12)).toBeLessThan(err(1e-6));
  });

  it("integrate reports the end time even when the integrator's last step rounds one ulp short of it (issue 12: it threw 'stopped at t = 0.939… before 0.939…')", () => {
    // 1 µg oral dose in 10 L, ka 1.3, ke 1.052…: y = [C, depot, AUC]
    const ke = 1.052061330350412;
    const rhs = (_t: number, y: readonly number[]) => [(1.3 * y[1]) / 10 - ke * y[0], -1.3 * y[1], y[0]];
    const t = 0.9390828349701928;
    const out = integrate(rhs, [0, 0.001, 0], [0, t], { rtol: 1e-10, atol: 1e-20 });
    const exact = ((0.001 * 1.3) / (10 * (1.3 - ke))) * (Math.exp(-ke * t) - Math.exp(-1.3 * t));
    expect(Math.abs(out[1][0] / exact - 1)).toBeLessThan(1e-8);
  });

  it("integrate rejects unsorted times, a non-positive tolerance and an rhs that returns NaN", () => {
    const rhs = (_t: number, y: readonly number[]) => [-y[0]];
    expect(() => integrate(rhs, [1], [0, 2, 1], { rtol: 1e-6, atol: 1e-9 })).toThrow(
      "integrate: times must be strictly increasing (index 2: 2 then 1); received [0, 2, 1]",
    );
    expect(() => integrate(rhs, [1], [0, 1], { rtol: 0, atol: 1e-9 })).toThrow(
      "integrate: options.rtol must be greater than 0; received 0",
    );
    expect(() => integrate(rhs, [], [0, 1], { rtol: 1e-6, atol: 1e-9 })).toThrow(
      "integrate: y0 must not be empty; received []",
    );
    expect(() => integrate(() => [Number.NaN], [1], [0, 1], { rtol: 1e-6, atol: 1e-9 })).toThrow(
      /rhs returned a non-finite derivative/,
    );
  });
});
