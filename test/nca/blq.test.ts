import { describe, expect, it } from "vitest";
import { BLQ_POLICIES, nca } from "../../src";

// 0.05 mg/L LLOQ: samples at 0 and 0.25 h are leading BLQ, 6 h is embedded, 12 and 24 h trailing.
const time = [0, 0.25, 0.5, 1, 2, 4, 6, 8, 12, 24];
const conc = [0, 0.01, 0.5, 2, 1.5, 0.8, 0.03, 0.3, 0.02, 0];
const base = { dose: 1, route: "extravascular" as const, lloq: 0.05 };

describe("nca(..., { lloq, blq }) below-LLOQ handling", () => {
  it('defaults to "zero-then-missing": 0 before the first measurable sample, dropped after', () => {
    const r = nca(time, conc, base);
    const manual = nca([0, 0.25, 0.5, 1, 2, 4, 8], [0, 0, 0.5, 2, 1.5, 0.8, 0.3], { dose: 1, route: "extravascular" });
    expect(r.aucLast).toBe(manual.aucLast);
    expect(r.aucAll).toBe(manual.aucAll);
    expect(r.tlast).toBe(8);
    expect(r.tlag).toBe(0.25);
  });

  it('"pknca" keeps trailing BLQ as 0, so AUCall falls to zero after tlast', () => {
    const r = nca(time, conc, { ...base, blq: "pknca" });
    expect(r.tlast).toBe(8);
    expect(r.aucAll).toBeCloseTo((r.aucLast as number) + (4 * 0.3) / 2, 12);
  });

  it('"all-zero" sets the embedded BLQ sample to 0 as well', () => {
    const r = nca(time, conc, { ...base, blq: "all-zero" });
    const manual = nca(time, [0, 0, 0.5, 2, 1.5, 0.8, 0, 0.3, 0, 0], { dose: 1, route: "extravascular" });
    expect(r.aucLast).toBe(manual.aucLast);
  });

  it('"all-missing" drops every BLQ sample (then (0, 0) is inserted for the dose time)', () => {
    const r = nca(time, conc, { ...base, blq: "all-missing" });
    expect(r.c0Method).toBe("inserted-zero");
    expect(r.aucAll).toBe(r.aucLast);
  });

  it("an explicit policy object is accepted and equals the named preset", () => {
    const r = nca(time, conc, { ...base, blq: { leading: "zero", embedded: "drop", trailing: "zero" } });
    expect(r.aucAll).toBe(nca(time, conc, { ...base, blq: "pknca" }).aucAll);
    expect(BLQ_POLICIES.pknca).toEqual({ leading: "zero", embedded: "drop", trailing: "zero" });
  });

  it("all samples below the LLOQ: Cmax 0, AUClast 0, the rest null with reasons", () => {
    const r = nca([0, 1, 2], [0, 0.01, 0.02], { ...base });
    expect(r.cmax).toBe(0);
    expect(r.aucLast).toBe(0);
    expect(r.tmax).toBeNull();
    expect(r.notes.tmax).toBe("no measurable (positive) concentration");
    expect(r.lambdaZ).toBeNull();
    expect(r.mrtLast).toBeNull();
    expect(r.notes.mrtLast).toBe("AUClast is 0");
  });

  it("does not modify the caller's arrays", () => {
    const t = [...time];
    const c = [...conc];
    nca(t, c, { ...base, blq: "all-zero" });
    expect(t).toEqual(time);
    expect(c).toEqual(conc);
  });
});
