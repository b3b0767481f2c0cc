// Function exercises take and return quantities: tagged JSON arguments become mathjs Units and
// Series right before the student's function is called, and a Unit result is converted to the
// exercise's unit or refused, with a message, when its dimension is wrong.
import { describe, expect, it } from "vitest";
import { math, unit, type Series, type Unit } from "../../src";
import { checkExercise } from "../../src/workbook";
import { studentAuc, studentMichaelisMentenAuc } from "./quantity-students";
import { invokeProbe } from "../../src/workbook/invoke";
import { normalizeAnswer } from "../../src/workbook/normalize";
import {
  decodeProbeArgs,
  encodeProbeArg,
  quantityArg,
  quantityIn,
  seriesArg,
  seriesIn,
} from "../../src/workbook/probe-args";

describe("quantity arguments in the probe protocol (src/workbook/probe-args.ts)", () => {
  it("invokeProbe hands { quantity } to the student's function as a mathjs Unit and { series } as a Series, nested too", () => {
    const seen: unknown[] = [];
    const exports = {
      f: (...args: unknown[]) => {
        seen.push(...args);
        return 1;
      },
    };
    const args = [quantityArg(0.1, "mg"), seriesArg([0, 1, 2], "h"), 3, null, { kd: quantityArg(5, "nM"), fu: 0.1 }];
    expect(invokeProbe(exports, { exportName: "f", args }, { type: "number" }, "x.ts")).toEqual({
      kind: "answer",
      value: 1,
    });
    expect(math.isUnit(seen[0])).toBe(true);
    expect((seen[0] as Unit).toNumber("ug")).toBeCloseTo(100, 12);
    expect(seen[1]).toEqual({ values: [0, 1, 2], unit: "h" });
    expect(seen.slice(2, 4)).toEqual([3, null]);
    const p = seen[4] as { kd: Unit; fu: number };
    expect(math.isUnit(p.kd) && p.kd.toNumber("pM")).toBeCloseTo(5000, 9);
    expect(p.fu).toBe(0.1);
  });

  it("decoding copies, so a function that mutates an argument cannot change the next call's", () => {
    const args = [[1, 2], { a: quantityArg(1, "h") }];
    const first = decodeProbeArgs(args) as [number[], { a: unknown }];
    first[0].push(3);
    first[1].a = 0;
    const second = decodeProbeArgs(args) as [number[], { a: Unit }];
    expect(second[0]).toEqual([1, 2]);
    expect(second[1].a.toNumber("min")).toBeCloseTo(60, 12);
  });

  it("encodeProbeArg gives back exactly the JSON a value was decoded from, and encodes other Units and Series", () => {
    const json = [quantityArg(0.35, "mg"), seriesArg([0.5, 42.1], "pg/mL"), { tau: quantityArg(1, "day") }];
    expect(decodeProbeArgs(json).map(encodeProbeArg)).toEqual(json);
    const encoded = encodeProbeArg(unit("250 ug")) as { quantity: [number, string] };
    expect(encoded.quantity[1]).toBe("ug");
    expect(encoded.quantity[0]).toBeCloseTo(250, 9);
    expect(encodeProbeArg({ values: [1, 2], unit: "h" } satisfies Series)).toEqual({ series: [[1, 2], "h"] });
    expect(() => encodeProbeArg(() => 1)).toThrow(/encodeProbeArg: value must be JSON, a mathjs Unit or a Series/);
  });

  it("quantityIn and seriesIn read an argument in any unit of its dimension, and refuse another dimension", () => {
    expect(quantityIn(quantityArg(0.1, "mg"), "ug")).toBeCloseTo(100, 12);
    expect(quantityIn(quantityArg(0.1, "mg"), "mg")).toBe(0.1);
    expect(seriesIn(seriesArg([1, 2], "h"), "min")).toEqual([60, 120]);
    expect(() => quantityIn(quantityArg(1, "mg"), "L")).toThrow(/quantityIn: unitName must have the dimension/);
    expect(() => quantityIn(1, "mg")).toThrow(/quantityIn: arg must be \{ quantity/);
    expect(() => seriesArg([1], "furlongs per bushel")).toThrow(/series: unitName/);
  });

  it("a check whose argument names an unknown unit reports an error instead of calling the function", () => {
    let called = false;
    const outcome = invokeProbe(
      { f: () => (called = true) },
      { exportName: "f", args: [{ quantity: [1, "zorkmids"] }] },
      { type: "number" },
      "x.ts",
    );
    expect(outcome.kind).toBe("error");
    expect(called).toBe(false);
  });
});

describe("normalizeAnswer(Unit, { unit }) converts a convertible unit and refuses a wrong dimension", () => {
  it("converts µg·min/mL to the stated mg·h/L", () => {
    const outcome = normalizeAnswer(unit("120 ug min / mL"), { type: "number", unit: "mg*h/L" });
    expect(outcome.kind).toBe("answer");
    expect(outcome.kind === "answer" && outcome.value).toBeCloseTo(2, 12);
  });
  it("names the expected and the received dimension", () => {
    const outcome = normalizeAnswer(unit("2 mg/L"), { type: "number", unit: "mg*h/L" });
    expect(outcome).toEqual({
      kind: "invalid",
      message:
        "expected a quantity convertible to mg*h/L (a mass·time/volume); received 2 mg / L, a mass/volume " +
        "(wrong dimension: a factor of the formula is missing or inverted)",
    });
    const rate = normalizeAnswer(unit("0.2 1/h"), { type: "number", unit: "h" });
    expect(rate.kind === "invalid" && rate.message).toMatch(
      /convertible to h \(a time\); received 0\.2 h\^-1, a 1\/time/,
    );
  });
});

describe("function exercises with quantities, checked in-process (the notebook's check() and npm run check)", () => {
  it("ex-2.6: Unit arguments, a result in µg·min/mL: every public check passes", () => {
    const v = checkExercise("ex-2.6", { exports: { michaelisMentenAuc: studentMichaelisMentenAuc } });
    expect(v.checks.filter((c) => !c.passed)).toEqual([]);
    expect(v.status).toBe("pass");
  });

  it("ex-2.6: a concentration where an exposure is asked fails with the dimension message", () => {
    const v = checkExercise("ex-2.6", {
      exports: { michaelisMentenAuc: (dose: Unit, volume: Unit) => math.divide(dose, volume) },
    });
    expect(v.status).toBe("fail");
    expect(v.checks.find((c) => !c.passed)?.message).toMatch(
      /expected a quantity convertible to mg\*h\/L \(a mass·time\/volume\); received .*, a mass\/volume/,
    );
  });

  it("ex-3.2: Series arguments; the area returned in the series' own units passes the public checks", () => {
    const v = checkExercise("ex-3.2", { exports: { aucLinearUpLogDown: studentAuc } });
    expect(v.checks.filter((c) => !c.passed)).toEqual([]);
  });
});
