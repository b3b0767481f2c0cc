import { describe, expect, it } from "vitest";
import { describeValue, InputError } from "../../src/core/errors";
import {
  fraction,
  nonNegativeArray,
  numberArray,
  oneOf,
  sameLength,
  strictlyIncreasing,
} from "../../src/core/validate";

describe("boundary validation", () => {
  it("InputError names the function, the argument, the rule and the value received", () => {
    const err = new InputError("nca", "time", "must be strictly increasing", [0, 2, 1]);
    expect(err.message).toBe("nca: time must be strictly increasing; received [0, 2, 1]");
    expect(err).toMatchObject({ fn: "nca", arg: "time", name: "InputError" });
  });
  it("strictlyIncreasing rejects unsorted and duplicate times", () => {
    expect(() => strictlyIncreasing("nca", "time", [0, 2, 1])).toThrow(
      "nca: time must be strictly increasing (index 2: 2 then 1); received [0, 2, 1]",
    );
    expect(() => strictlyIncreasing("nca", "time", [0, 1, 1])).toThrow(/index 2: 1 then 1/);
  });
  it("numberArray rejects empty arrays, NaN and non-arrays", () => {
    expect(() => numberArray("f", "x", [])).toThrow("f: x must not be empty; received []");
    expect(() => numberArray("f", "x", [1, Number.NaN])).toThrow(/index 1 is NaN/);
    expect(() => numberArray("f", "x", "1,2")).toThrow(/f: x must be an array of numbers/);
  });
  it("nonNegativeArray, fraction, sameLength and oneOf state their rule", () => {
    expect(() => nonNegativeArray("f", "conc", [1, -2])).toThrow(/must not contain negative values \(index 1 is -2\)/);
    expect(() => fraction("f", "fu", 1.5)).toThrow("f: fu must be between 0 and 1; received 1.5");
    expect(() => sameLength("f", "time", [1], "conc", [1, 2])).toThrow(
      "f: time and conc must have the same length; received lengths 1 and 2",
    );
    expect(() => oneOf("f", "route", "oral", ["iv-bolus", "extravascular"])).toThrow(
      'f: route must be one of "iv-bolus", "extravascular"; received oral',
    );
  });
  it("describeValue abbreviates long arrays", () => {
    expect(describeValue(Array.from({ length: 10 }, (_, i) => i))).toBe("[0, 1, 2, 3, 4, 5, 6, 7, … (10 values)]");
  });
});
