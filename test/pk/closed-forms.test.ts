import { describe, expect, it } from "vitest";
import { infusionConcentration, ivBolusConcentration, oralConcentration } from "../../src";

describe("ivBolusConcentration", () => {
  it("ivBolusConcentration(2, { dose: 100, volume: 50, ke: ln2/2 }) halves C0 after one half-life (doc example)", () => {
    expect(ivBolusConcentration(2, { dose: 100, volume: 50, ke: Math.LN2 / 2 })).toBeCloseTo(1, 14);
  });

  it("ivBolusConcentration(0, …) is Dose/V", () => {
    expect(ivBolusConcentration(0, { dose: 7, volume: 2, ke: 0.3 })).toBe(3.5);
  });

  it("ivBolusConcentration rejects a negative time, a zero volume and a missing ke with the rule and value", () => {
    expect(() => ivBolusConcentration(-1, { dose: 1, volume: 1, ke: 1 })).toThrow(
      "ivBolusConcentration: t must be 0 or greater; received -1",
    );
    expect(() => ivBolusConcentration(1, { dose: 1, volume: 0, ke: 1 })).toThrow(
      "ivBolusConcentration: volume must be greater than 0; received 0",
    );
    expect(() => ivBolusConcentration(1, { dose: 1, volume: 1 } as never)).toThrow(
      "ivBolusConcentration: ke must be a finite number; received undefined",
    );
    expect(() => ivBolusConcentration(Number.NaN, { dose: 1, volume: 1, ke: 1 })).toThrow(
      /t must be a finite number; received NaN/,
    );
    expect(() => ivBolusConcentration(1, null as never)).toThrow(/params must be an options object; received null/);
  });
});

describe("infusionConcentration", () => {
  it("infusionConcentration(1, { dose: 10, duration: 1, volume: 10, ke: 1 }) is 1 − e^{−1} at the end of the infusion (doc example)", () => {
    expect(infusionConcentration(1, { dose: 10, duration: 1, volume: 10, ke: 1 })).toBeCloseTo(1 - Math.exp(-1), 14);
  });

  it("infusionConcentration decays first-order after the infusion ends and is continuous at t = duration", () => {
    const p = { dose: 24, duration: 2, volume: 4, ke: 0.3 };
    const end = infusionConcentration(2, p);
    expect(infusionConcentration(2 + 1e-9, p)).toBeCloseTo(end, 8);
    expect(infusionConcentration(5, p)).toBeCloseTo(end * Math.exp(-0.3 * 3), 14);
  });

  it("infusionConcentration approaches the bolus as the duration shrinks", () => {
    const bolus = ivBolusConcentration(3, { dose: 10, volume: 5, ke: 0.2 });
    expect(infusionConcentration(3, { dose: 10, duration: 1e-7, volume: 5, ke: 0.2 })).toBeCloseTo(bolus, 6);
  });

  it("infusionConcentration rejects a zero duration", () => {
    expect(() => infusionConcentration(1, { dose: 10, duration: 0, volume: 10, ke: 1 })).toThrow(
      "infusionConcentration: duration must be greater than 0; received 0",
    );
  });
});

describe("oralConcentration", () => {
  const base = { dose: 100, f: 0.8, ka: 1.2, ke: 0.15, volume: 40 };

  it("oralConcentration(1, { dose: 100, f: 1, ka: 1, ke: 1, volume: 100 }) is the ka = ke limit e^{−1} (doc example)", () => {
    expect(oralConcentration(1, { dose: 100, f: 1, ka: 1, ke: 1, volume: 100 })).toBeCloseTo(Math.exp(-1), 15);
  });

  it("oralConcentration matches the textbook Bateman formula when ka and ke are well apart", () => {
    for (const t of [0.1, 1, 4, 24]) {
      const bateman =
        ((base.f * base.dose * base.ka) / (base.volume * (base.ka - base.ke))) *
        (Math.exp(-base.ke * t) - Math.exp(-base.ka * t));
      expect(oralConcentration(t, base)).toBeCloseTo(bateman, 13);
    }
  });

  it("oralConcentration is continuous and smooth through ka = ke (no cancellation for ka ≈ ke)", () => {
    const k = 0.3;
    const t = 5;
    const limit = oralConcentration(t, { ...base, ka: k, ke: k });
    expect(limit).toBeCloseTo(((base.f * base.dose * k) / base.volume) * t * Math.exp(-k * t), 15);
    // Reference for ka = k(1 + δ): the series (1 − e^{−x})/x = 1 − x/2 + x²/6 − x³/24 + …, x = (ka − ke)·t,
    // exact to ~1e-18 here. The naive Bateman difference would be off by ~1e-16/|x| (1e-4 at δ = 1e-12).
    for (const delta of [1e-4, 1e-8, 1e-12, -1e-12, -1e-8, -1e-4]) {
      const ka = k * (1 + delta);
      const x = (ka - k) * t;
      const reference =
        ((base.f * base.dose * ka) / base.volume) * Math.exp(-k * t) * t * (1 - x / 2 + (x * x) / 6 - (x * x * x) / 24);
      expect(Math.abs(oralConcentration(t, { ...base, ka, ke: k }) / reference - 1)).toBeLessThan(2e-15);
    }
  });

  it("oralConcentration is symmetric in the flip-flop sense: swapping ka and ke scales C by ka/ke", () => {
    const a = oralConcentration(3, { ...base, ka: 0.2, ke: 1.1 });
    const b = oralConcentration(3, { ...base, ka: 1.1, ke: 0.2 });
    expect(a / b).toBeCloseTo(0.2 / 1.1, 14);
  });

  it("oralConcentration is 0 until the lag time has passed and then shifts the curve", () => {
    const lagged = { ...base, tlag: 0.5 };
    expect(oralConcentration(0.5, lagged)).toBe(0);
    expect(oralConcentration(0.25, lagged)).toBe(0);
    expect(oralConcentration(2.5, lagged)).toBeCloseTo(oralConcentration(2, base), 15);
  });

  it("oralConcentration requires f: omitting it throws instead of silently using F = 1 (issue 12)", () => {
    const { f: _omitted, ...withoutF } = base;
    expect(() => oralConcentration(1, withoutF as typeof base)).toThrow(
      "oralConcentration: f is required: the bioavailable fraction F in (0, 1] (pass f: 1 for a fully absorbed dose); received undefined",
    );
  });

  it("oralConcentration rejects f outside (0, 1], a negative lag and a zero ka", () => {
    expect(() => oralConcentration(1, { ...base, f: 1.2 })).toThrow(
      "oralConcentration: f must be between 0 and 1; received 1.2",
    );
    expect(() => oralConcentration(1, { ...base, f: 0 })).toThrow(/f must be greater than 0/);
    expect(() => oralConcentration(1, { ...base, tlag: -1 })).toThrow(
      "oralConcentration: tlag must be 0 or greater; received -1",
    );
    expect(() => oralConcentration(1, { ...base, ka: 0 })).toThrow(
      "oralConcentration: ka must be greater than 0; received 0",
    );
  });
});
