// The hidden checks of function exercises pass quantities in varied units: a student who reads
// the arguments' units passes, one who assumes them fails.
import { describe, expect, it } from "vitest";
import { referenceSolutions } from "../../../src/cli/instructor/reference-solutions";
import { unit, type Series, type Unit } from "../../../src";
import { checkExercise, findProjectRoot } from "../../../src/workbook";
import { hiddenChecks } from "../../../src/workbook/instructor/hidden-checks";
import { areaInSeriesUnits, studentAuc, studentMichaelisMentenAuc } from "../quantity-students";

const HIDDEN = hiddenChecks(referenceSolutions(findProjectRoot()));

describe("hidden checks with quantities in varied units", () => {
  it("ex-2.6: a student function that reads its Units passes every public and hidden check", () => {
    const v = checkExercise("ex-2.6", { exports: { michaelisMentenAuc: studentMichaelisMentenAuc }, hidden: HIDDEN });
    expect(v.checks.filter((c) => !c.passed)).toEqual([]);
    expect(v.status).toBe("pass");
  });

  it("ex-3.2: the area in the series' own units passes; the same area labelled ng·h/mL fails the cases in min or pg/mL", () => {
    expect(checkExercise("ex-3.2", { exports: { aucLinearUpLogDown: studentAuc }, hidden: HIDDEN }).status).toBe(
      "pass",
    );
    const assumed = (time: Series, conc: Series): Unit => unit(areaInSeriesUnits(time, conc), "ng h / mL");
    const graded = checkExercise("ex-3.2", { exports: { aucLinearUpLogDown: assumed }, hidden: HIDDEN });
    // the public cases are all in h and ng/mL, so only the hidden cases can tell
    expect(graded.checks.filter((c) => c.visibility === "public" && !c.passed)).toEqual([]);
    expect(graded.checks.find((c) => c.visibility === "hidden")?.passed).toBe(false);
  });
});
