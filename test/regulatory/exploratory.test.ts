import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkExploratorySchedule, EXPLORATORY_APPROACHES } from "../../src";

const base = { noael: "100 mg", activeDose: "20 mg", halfLife: "6 h" } as const;

describe("checkExploratorySchedule", () => {
  it("checkExploratorySchedule accepts two 50 ug doses 48 h apart under approach 2 (doc example)", () => {
    const r = checkExploratorySchedule(
      [
        { time: "0 h", dose: "50 ug" },
        { time: "48 h", dose: "50 ug" },
      ],
      { approach: 2, ...base },
    );
    expect(r).toEqual({ compliant: true, violations: [] });
  });

  it("checkExploratorySchedule flags a washout shorter than 6 half-lives (doc example)", () => {
    const r = checkExploratorySchedule(
      [
        { time: "0 h", dose: "80 ug" },
        { time: "12 h", dose: "80 ug" },
      ],
      { approach: 2, ...base },
    );
    expect(r.violations).toEqual([
      "The interval between dose 1 (0 h) and dose 2 (12 h) is 12 h, shorter than the washout of 6 half-lives (36 h) approach 2 requires.",
    ]);
  });

  it("checkExploratorySchedule approach 1 caps the TOTAL of divided doses at 100 ug", () => {
    const ok = checkExploratorySchedule(
      [
        { time: "0 h", dose: "50 ug" },
        { time: "1 h", dose: "50 ug" },
      ],
      { approach: 1, ...base },
    );
    expect(ok.compliant).toBe(true);
    const over = checkExploratorySchedule(
      [
        { time: "0 h", dose: "80 ug" },
        { time: "1 h", dose: "80 ug" },
      ],
      { approach: 1, ...base },
    );
    expect(over.violations).toEqual(["The total dose of 160 ug exceeds the cumulative cap of 100 ug for approach 1."]);
  });

  it("checkExploratorySchedule approach 1 also needs <= 1/100 of the NOAEL and of the active dose", () => {
    const r = checkExploratorySchedule([{ time: "0 h", dose: "90 ug" }], {
      approach: 1,
      noael: "5 mg",
      activeDose: "6 mg",
    });
    expect(r.violations).toEqual([
      "The total dose of 90 ug exceeds 1/100 of the NOAEL (50 ug).",
      "The total dose of 90 ug exceeds 1/100 of the pharmacologically active dose (60 ug).",
    ]);
  });

  it("checkExploratorySchedule approach 2 limits administrations to 5 and the cumulative dose to 500 ug", () => {
    const six = Array.from({ length: 6 }, (_, i) => ({ time: `${i * 48} h`, dose: "100 ug" }));
    const r = checkExploratorySchedule(six, { approach: 2, ...base });
    expect(r.violations).toEqual([
      "The schedule has 6 administrations; approach 2 allows at most 5.",
      "The total dose of 600 ug exceeds the cumulative cap of 500 ug for approach 2.",
    ]);
    const five = six.slice(0, 5);
    expect(checkExploratorySchedule(five, { approach: 2, ...base }).compliant).toBe(true);
  });

  it("checkExploratorySchedule approach 2 checks each dose against 100 ug and 1/100 of NOAEL", () => {
    const r = checkExploratorySchedule([{ time: "0 h", dose: "120 ug" }], {
      approach: 2,
      noael: "10 mg",
      activeDose: "20 mg",
      halfLife: "6 h",
    });
    expect(r.violations).toEqual([
      "Dose 1 (120 ug) exceeds the per-dose cap of 100 ug.",
      "Dose 1 (120 ug) exceeds 1/100 of the NOAEL (100 ug).",
    ]);
  });

  it("checkExploratorySchedule uses nmol caps for proteins", () => {
    const mw = "150000 g/mol"; // 30 nmol = 4.5 mg
    const r = checkExploratorySchedule([{ time: "0 h", dose: "5 mg" }], {
      approach: 1,
      noael: "10 g",
      activeDose: "10 g",
      modality: "protein",
      molecularWeight: mw,
    });
    expect(r.violations).toEqual([
      "The total dose of 5 mg exceeds the cumulative cap of 30 nmol (4.5 mg) for approach 1.",
    ]);
  });

  it("checkExploratorySchedule rejects malformed schedules and options", () => {
    expect(() => checkExploratorySchedule([], { approach: 1, ...base })).toThrow(
      /checkExploratorySchedule: schedule must be a non-empty array/,
    );
    expect(() =>
      checkExploratorySchedule(
        [
          { time: "2 h", dose: "1 ug" },
          { time: "1 h", dose: "1 ug" },
        ],
        { approach: 1, ...base },
      ),
    ).toThrow(/times must be strictly increasing/);
    expect(() => checkExploratorySchedule([{ time: "0 h", dose: "1 ug" }], { approach: 3 as never, ...base })).toThrow(
      /opts.approach must be 1 or 2/,
    );
    expect(() =>
      checkExploratorySchedule([{ time: "0 h", dose: "1 ug" }], { approach: 2, noael: "1 g", activeDose: "1 g" }),
    ).toThrow(/opts.halfLife is required for approach 2/);
    expect(() => checkExploratorySchedule([{ time: "0 h", dose: "1 mL" }], { approach: 1, ...base })).toThrow(
      /schedule\[0\].dose expected a mass/,
    );
  });
});

describe("EXPLORATORY_APPROACHES", () => {
  it("EXPLORATORY_APPROACHES lists ICH M3(R2) approaches 1–5, only 1 and 2 checkable microdose designs", () => {
    expect(EXPLORATORY_APPROACHES.map((a) => a.approach)).toEqual([1, 2, 3, 4, 5]);
    expect(EXPLORATORY_APPROACHES.filter((a) => a.checkable).map((a) => a.approach)).toEqual([1, 2]);
    expect(EXPLORATORY_APPROACHES.filter((a) => a.microdose).map((a) => a.approach)).toEqual([1, 2]);
    for (const a of EXPLORATORY_APPROACHES) expect(a.doseLimits.length).toBeGreaterThan(40);
  });

  it("EXPLORATORY_APPROACHES approaches 1 and 2 give the source's package in its own words and attribute the ICH M3(R2) statement", () => {
    const sourceWords =
      "an extended single-dose toxicity study in a single rodent species, along with genotoxicity screening";
    for (const a of EXPLORATORY_APPROACHES.filter((x) => x.microdose)) {
      expect(a.nonclinicalSupport).toContain(sourceWords);
      expect(a.nonclinicalSupport).toMatch(/^ICH M3\(R2\): /);
      // Never the bare claim that genotoxicity is "not required" without saying whose statement it is.
      expect(a.nonclinicalSupport).not.toMatch(/genotoxicity testing not required/);
    }
    const single = EXPLORATORY_APPROACHES.find((a) => a.approach === 1)!;
    expect(single.source?.quote).toContain(sourceWords);
    expect(single.source?.section).toBe("Regulatory Frameworks for Exploratory Studies");
  });

  const seed = "/work/shared/seeds/001_079d5926d130f870.txt";
  it.runIf(existsSync(seed))("EXPLORATORY_APPROACHES quotes 001_079d5926d130f870.txt verbatim", () => {
    const text = readFileSync(seed, "utf8");
    for (const a of EXPLORATORY_APPROACHES) if (a.source) expect(text).toContain(a.source.quote);
  });
});
