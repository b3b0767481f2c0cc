import { describe, expect, it } from "vitest";
import { InputError, nca, type NcaOptions } from "../../src";

const ok = { dose: 10, route: "extravascular" } as const;
const bad = (options: unknown): NcaOptions => options as NcaOptions;

describe("nca(time, conc, options) rejects bad input with an InputError naming the rule", () => {
  it("unsorted times", () => {
    expect(() => nca([0, 2, 1], [0, 1, 2], ok)).toThrow(InputError);
    expect(() => nca([0, 2, 1], [0, 1, 2], ok)).toThrow(
      "nca: time must be strictly increasing (index 2: 2 then 1); received [0, 2, 1]",
    );
  });
  it("duplicate times", () => {
    expect(() => nca([0, 1, 1], [0, 1, 2], ok)).toThrow(/nca: time must be strictly increasing \(index 2: 1 then 1\)/);
  });
  it("negative times", () => {
    expect(() => nca([-1, 1, 2], [0, 1, 2], ok)).toThrow(/nca: time must be 0 or greater \(hours since the dose\)/);
  });
  it("negative concentrations", () => {
    expect(() => nca([0, 1, 2], [0, -1, 2], ok)).toThrow(
      /nca: conc must not contain negative values \(index 1 is -1\)/,
    );
  });
  it("NaN concentrations", () => {
    expect(() => nca([0, 1, 2], [0, Number.NaN, 2], ok)).toThrow(
      /nca: conc must contain only finite numbers \(index 1 is NaN\)/,
    );
  });
  it("length mismatch", () => {
    expect(() => nca([0, 1, 2], [0, 1], ok)).toThrow(
      "nca: time and conc must have the same length; received lengths 3 and 2",
    );
  });
  it("empty arrays", () => {
    expect(() => nca([], [], ok)).toThrow("nca: time must not be empty; received []");
  });
  it("a missing, zero or non-numeric dose", () => {
    expect(() => nca([0, 1], [0, 1], bad({ route: "extravascular" }))).toThrow(
      "nca: options.dose must be a finite number; received undefined",
    );
    expect(() => nca([0, 1], [0, 1], { ...ok, dose: 0 })).toThrow(
      "nca: options.dose must be greater than 0; received 0",
    );
    expect(() => nca([0, 1], [0, 1], bad({ ...ok, dose: "10 mg" }))).toThrow(
      /nca: options.dose must be a finite number; received 10 mg/,
    );
  });
  it("an unknown route", () => {
    expect(() => nca([0, 1], [0, 1], bad({ dose: 1, route: "oral" }))).toThrow(
      'nca: options.route must be one of "extravascular", "iv-bolus", "iv-infusion"; received oral',
    );
  });
  it("an unknown AUC method", () => {
    expect(() => nca([0, 1], [0, 1], bad({ ...ok, aucMethod: "log" }))).toThrow(
      /nca: options.aucMethod must be one of "linear", "linear-up-log-down"; received log/,
    );
  });
  it("a misspelt option", () => {
    expect(() => nca([0, 1], [0, 1], bad({ ...ok, aucmethod: "linear" }))).toThrow(
      /nca: options.aucmethod is not an NCA option/,
    );
  });
  it("options that are not an object", () => {
    expect(() => nca([0, 1], [0, 1], bad(null))).toThrow("nca: options must be an options object; received null");
  });
  it("an infusion without a duration, or a duration for another route", () => {
    expect(() => nca([0, 1], [0, 1], { dose: 1, route: "iv-infusion" })).toThrow(
      "nca: options.duration must be a finite number; received undefined",
    );
    expect(() => nca([0, 1], [0, 1], { ...ok, duration: 1 })).toThrow(
      'nca: options.duration is only allowed with route "iv-infusion"; received 1',
    );
  });
  it("a BLQ policy without an LLOQ, a bad LLOQ, or an unknown policy", () => {
    expect(() => nca([0, 1], [0, 1], { ...ok, blq: "pknca" })).toThrow(/nca: options.blq needs options.lloq/);
    expect(() => nca([0, 1], [0, 1], { ...ok, lloq: -1 })).toThrow(
      "nca: options.lloq must be greater than 0; received -1",
    );
    expect(() => nca([0, 1], [0, 1], bad({ ...ok, lloq: 0.1, blq: "zero" }))).toThrow(
      /nca: options.blq must be one of "zero-then-missing", "pknca", "all-zero", "all-missing"/,
    );
    expect(() =>
      nca([0, 1], [0, 1], bad({ ...ok, lloq: 0.1, blq: { leading: "zero", embedded: "keep", trailing: "drop" } })),
    ).toThrow(/nca: options.blq.embedded must be one of "zero", "drop"; received keep/);
  });
  it("λz choices that conflict or do not match the samples", () => {
    const t = [0, 1, 2, 4, 8];
    const c = [0, 8, 4, 2, 0];
    expect(() => nca(t, c, { ...ok, lambdaZWindow: { start: 1, end: 8 }, lambdaZTimes: [2, 4, 8] })).toThrow(
      /must not both be given/,
    );
    expect(() => nca(t, c, { ...ok, lambdaZTimes: [2, 3, 4] })).toThrow(
      "nca: options.lambdaZTimes must contain only sampling times of the profile; received 3",
    );
    expect(() => nca(t, c, { ...ok, lambdaZTimes: [2, 4, 8] })).toThrow(
      /nca: options.lambdaZTimes must pick samples with a positive concentration; received 8 h with 0 mg\/L/,
    );
    expect(() => nca(t, c, { ...ok, lambdaZWindow: { start: 4, end: 2 } })).toThrow(
      "nca: options.lambdaZWindow.end must be greater than start (4); received 2",
    );
    expect(() => nca(t, c, { ...ok, lambdaZMinPoints: 2 })).toThrow(
      "nca: options.lambdaZMinPoints must be an integer >= 3; received 2",
    );
  });
  it("a zero concentration at time 0 for an IV bolus", () => {
    expect(() => nca([0, 1, 2], [0, 5, 2], { dose: 1, route: "iv-bolus" })).toThrow(
      /nca: conc at time 0 must be positive for an IV bolus \(it is C0\); leave out a pre-dose sample/,
    );
  });
  it("bad partial AUC intervals", () => {
    expect(() => nca([0, 1], [0, 1], bad({ ...ok, partialAucs: { start: 0, end: 1 } }))).toThrow(
      /nca: options.partialAucs must be an array/,
    );
    expect(() => nca([0, 1], [0, 1], { ...ok, partialAucs: [{ start: -1, end: 1 }] })).toThrow(
      "nca: options.partialAucs[0].start must be 0 or greater; received -1",
    );
  });
});
