import { describe, expect, it } from "vitest";
import {
  DEFAULT_NCA_TABLE_PARAMETERS,
  formatNcaTable,
  loadTheoph,
  ncaParameter,
  ncaTable,
  partialAuc,
  series,
  unit,
  type NcaParameterId,
  type NcaTableRow,
} from "../../src";

/**
 * ncaTable and partialAuc with units go through nca's quantity layer: the numbers must be
 * those of the number call, read in the units that follow from the inputs, at the microdose
 * scale (pg/mL, ng doses) and with times in minutes.
 */

const relativeError = (actual: number, expected: number): number =>
  expected === 0 ? Math.abs(actual) : Math.abs(actual / expected - 1);

const theoph = loadTheoph().slice(0, 4);
/** The same numbers ×1e3, in pg/mL: with a 320 ng dose, AUC reads ×1e3 and CL, V ×1e-3 (320 ng / 1e3·AUC). */
const microProfiles = theoph.map((p) => ({
  subject: p.subject,
  time: series(p.time, "h"),
  conc: series(
    p.conc.map((c) => c * 1e3),
    "pg/mL",
  ),
}));
const minuteProfiles = theoph.map((p) => ({
  subject: p.subject,
  time: series(
    p.time.map((t) => t * 60),
    "min",
  ),
  conc: series([...p.conc], "mg/L"),
}));
const numberTable = ncaTable(theoph, { dose: 320, route: "extravascular" });

/** The factor from a number-table column (h, mg/L, mg) to the same column with units. */
function expectColumns(
  rows: readonly NcaTableRow[],
  factor: (id: NcaParameterId) => number,
  ids: readonly NcaParameterId[],
): number {
  let compared = 0;
  rows.forEach((row, i) => {
    for (const id of ids) {
      const expected = numberTable.rows[i][id];
      const actual = row[id];
      if (expected === null || expected === undefined) {
        expect(actual, `${row.subject} ${id}`).toBeNull();
        continue;
      }
      expect(relativeError(actual as number, expected * factor(id)), `${row.subject} ${id}`).toBeLessThan(1e-12);
      compared++;
    }
  });
  return compared;
}

describe("ncaTable with units equals the number call", () => {
  it("pg/mL and a 320 ng dose: every default column, scaled by its unit, to 1e-12 relative", () => {
    const table = ncaTable(microProfiles, { dose: "320 ng", route: "extravascular" });
    // CL = 320 ng / (1e3·AUC pg·h/mL) = 320e-6 mg / (1e-3·AUC mg·h/L) = 1e-3 × the number CL, in L/h.
    const byKind: Record<string, number> = {
      concentration: 1e3,
      auc: 1e3,
      aumc: 1e3,
      clearance: 1e-3,
      volume: 1e-3,
    };
    const factor = (id: NcaParameterId): number => byKind[ncaParameter(id).unitKind] ?? 1;
    expect(expectColumns(table.rows, factor, DEFAULT_NCA_TABLE_PARAMETERS)).toBeGreaterThan(40);
  });

  it("times in min: time columns ×60, λz ÷60, CL in L/min ÷60, V unchanged, to 1e-12 relative", () => {
    const table = ncaTable(minuteProfiles, { dose: "320 mg", route: "extravascular" });
    const byKind: Record<string, number> = {
      time: 60,
      auc: 60,
      aumc: 3600,
      rateConstant: 1 / 60,
      clearance: 1 / 60,
    };
    const factor = (id: NcaParameterId): number => byKind[ncaParameter(id).unitKind] ?? 1;
    expect(expectColumns(table.rows, factor, DEFAULT_NCA_TABLE_PARAMETERS)).toBeGreaterThan(40);
  });

  it("results are nca's quantity results: Units in the profile's units, convertible back", () => {
    const table = ncaTable(microProfiles, { dose: "320 ng", route: "extravascular" });
    const auc = table.results[0].aucInfObs;
    expect(auc?.formatUnits()).toBe("(pg h) / mL");
    expect(relativeError(auc!.toNumber("mg*h/L"), numberTable.results[0].aucInfObs! * 1e-3)).toBeLessThan(1e-12);
    expect(relativeError(table.results[0].cl!.toNumber("L/h"), numberTable.results[0].cl! * 1e-3)).toBeLessThan(1e-12);
  });

  it("quantity options (lloq, λz window, per-profile dose function, doseMg) equal the number options", () => {
    const lloqNumbers = ncaTable(theoph, {
      dose: (p) => p.doseMg!,
      route: "extravascular",
      lloq: 0.5,
      lambdaZWindow: { start: 8, end: 25 },
    });
    const lloqUnits = ncaTable(
      theoph.map((p, i) => ({ ...microProfiles[i], doseMg: p.doseMg })),
      {
        dose: (p) => unit(p.doseMg! * 1e-3, "mg"),
        route: "extravascular",
        lloq: "500 pg/mL",
        lambdaZWindow: { start: "480 min", end: "25 h" },
      },
    );
    lloqUnits.rows.forEach((row, i) => {
      expect(relativeError(row.aucInfObs!, lloqNumbers.rows[i].aucInfObs! * 1e3)).toBeLessThan(1e-12);
      expect(relativeError(row.cl!, lloqNumbers.rows[i].cl!)).toBeLessThan(1e-12);
      expect(row.lambdaZPoints).toBe(lloqNumbers.rows[i].lambdaZPoints);
    });
    // Omitted dose: each profile's doseMg, read as mg.
    const fromDoseMg = ncaTable(
      theoph.map((p) => ({
        subject: p.subject,
        time: series(p.time, "h"),
        conc: series(p.conc, "mg/L"),
        doseMg: p.doseMg,
      })),
      { route: "extravascular" },
    );
    const numbersFromDoseMg = ncaTable(theoph, { route: "extravascular" });
    fromDoseMg.rows.forEach((row, i) =>
      expect(relativeError(row.cl!, numbersFromDoseMg.rows[i].cl!)).toBeLessThan(1e-12),
    );
  });

  it("a later profile in other units of the same dimension is read in the first profile's units", () => {
    const mixed = [microProfiles[0], { ...microProfiles[1], conc: series([...theoph[1].conc], "ng/mL") }];
    const table = ncaTable(mixed, { dose: "320 ng", route: "extravascular", parameters: ["cmax", "aucLast"] });
    expect(table.columns.map((c) => c.unit)).toEqual(["", "pg/mL", "pg·h/mL"]);
    expect(relativeError(table.rows[1].cmax!, numberTable.rows[1].cmax! * 1e3)).toBeLessThan(1e-12);
    expect(table.results[1].cmax?.formatUnits()).toBe("ng / mL");
  });

  it("plain-number calls are unchanged: registry units and number results", () => {
    expect(numberTable.columns.find((c) => c.id === "aucLast")?.unit).toBe("h·mg/L");
    expect(typeof numberTable.results[0].aucLast).toBe("number");
  });
});

describe("columns and headers with units", () => {
  const table = ncaTable(microProfiles, {
    dose: "320 ng",
    route: "extravascular",
    parameters: [
      "cmax",
      "tmax",
      "aucInfObs",
      "aumcLast",
      "aucPctExtrapObs",
      "lambdaZ",
      "lambdaZPoints",
      "r2Adj",
      "cl",
      "vz",
    ],
  });

  it("each column carries the unit that follows from h and pg/mL", () => {
    expect(Object.fromEntries(table.columns.map((c) => [c.id, c.unit]))).toEqual({
      subject: "",
      cmax: "pg/mL",
      tmax: "h",
      aucInfObs: "pg·h/mL",
      aumcLast: "pg·h·h/mL",
      aucPctExtrapObs: "%",
      lambdaZ: "1/h",
      lambdaZPoints: "",
      r2Adj: "",
      cl: "L/h",
      vz: "L",
    });
  });

  it("formatNcaTable prints the units in the headers", () => {
    const header = formatNcaTable(table).split("\n")[0];
    expect(header).toBe(
      "Subject  Cmax [pg/mL]  tmax [h]  AUCinf,obs [pg·h/mL]  AUMClast [pg·h·h/mL]  AUC %extrap,obs [%]  λz [1/h]  λz points  R² adj  CL(/F),obs [L/h]  Vz(/F),obs [L]",
    );
    const minutes = ncaTable(minuteProfiles, {
      dose: "320 mg",
      route: "extravascular",
      parameters: ["tmax", "aucLast", "cl"],
    });
    expect(formatNcaTable(minutes).split("\n")[0]).toBe("Subject  tmax [min]  AUClast [mg·min/L]  CL(/F),obs [L/min]");
  });

  it("the printed numbers are the rows in those units", () => {
    const line = formatNcaTable(table, 4).split("\n")[1];
    expect(line.startsWith(theoph[0].subject)).toBe(true);
    expect(line).toContain(String(Number((numberTable.rows[0].cmax! * 1e3).toPrecision(4))));
  });
});

describe("ncaTable with units: errors name the argument and the rule", () => {
  it("rejects a concentration of the wrong dimension, naming the subject", () => {
    expect(() =>
      ncaTable([{ subject: "A", time: series([0, 1, 2], "h"), conc: series([0, 2, 1], "kg") }], {
        dose: "1 mg",
        route: "extravascular",
      }),
    ).toThrow(
      'ncaTable: profiles[0] (subject A): conc expected a mass concentration or a molar concentration (e.g. "0.5 pg/mL"); received kg',
    );
  });

  it("rejects a dose of the wrong dimension", () => {
    expect(() => ncaTable(microProfiles, { dose: "320 mL", route: "extravascular" })).toThrow(
      'ncaTable: profiles[0] (subject 1): options.dose expected a mass (e.g. "100 ug"); received 320 mL',
    );
  });

  it("rejects a missing dose and an LLOQ that is not a concentration, naming the subject", () => {
    expect(() => ncaTable(microProfiles, { route: "extravascular" })).toThrow(
      `ncaTable: profiles[0] (subject 1): options.dose is needed: a quantity such as "100 ug", a function of the profile, or each profile's doseMg; received undefined`,
    );
    expect(() => ncaTable(microProfiles, { dose: "320 ng", route: "extravascular", lloq: "1 h" })).toThrow(
      'ncaTable: profiles[0] (subject 1): options.lloq expected a mass concentration (e.g. "0.5 pg/mL"); received 1 h',
    );
  });

  it("rejects profiles mixing units and plain numbers, either way round", () => {
    expect(() => ncaTable([microProfiles[0], theoph[1]] as never, { dose: "320 ng", route: "extravascular" })).toThrow(
      "ncaTable: profiles[1] must carry units like profiles[0] (time and conc as series); give every profile with units or none; received subject 2",
    );
    expect(() => ncaTable([theoph[0], microProfiles[1]] as never, { dose: 320, route: "extravascular" })).toThrow(
      "ncaTable: profiles[1] must be plain numbers (time [h], conc [mg/L]) like profiles[0]; give every profile with units or none; received subject 2",
    );
  });

  it("rejects a profile with time in units and conc as numbers", () => {
    expect(() =>
      ncaTable([{ subject: "A", time: series([0, 1, 2], "h"), conc: [0, 2, 1] }] as never, {
        dose: "1 mg",
        route: "extravascular",
      }),
    ).toThrow("ncaTable: profiles[0] (subject A): conc must carry units like the other inputs");
  });

  it("rejects a later profile whose concentration has another dimension", () => {
    expect(() =>
      ncaTable([microProfiles[0], { ...microProfiles[1], conc: series([...theoph[1].conc], "nM") }], {
        dose: "320 ng",
        route: "extravascular",
      }),
    ).toThrow(
      "ncaTable: profiles[1].conc must have the dimension of profiles[0].conc (pg / mL): one unit per column; received nM",
    );
  });

  it("rejects a number dose with units, and a quantity dose with numbers", () => {
    expect(() => ncaTable(microProfiles, { dose: 320 as never, route: "extravascular" })).toThrow(
      'ncaTable: options.dose must be a quantity such as "100 ug", a function of the profile, or omitted (profiles with units need a dose with units); received 320',
    );
    expect(() => ncaTable(theoph, { dose: "320 mg" as never, route: "extravascular" })).toThrow(
      'ncaTable: options.dose must be a number [mg], a function of the profile, or omitted (a quantity such as "100 ug" needs profiles with units); received 320 mg',
    );
  });
});

describe("partialAuc with units", () => {
  const p = theoph[0];
  const lambdaZ = numberTable.rows[0].lambdaZ!;

  it("equals the number call: pg/mL and h, then min, to 1e-12 relative (inside and past the samples)", () => {
    for (const aucMethod of ["linear", "linear-up-log-down"] as const) {
      const expected = partialAuc(p.time, p.conc, { start: 1, end: 30, aucMethod, lambdaZ });
      const pg = partialAuc(
        series(p.time, "h"),
        series(
          p.conc.map((c) => c * 1e9 * 1e-6),
          "pg/mL",
        ),
        { start: "1 h", end: "30 h", aucMethod, lambdaZ: unit(lambdaZ, "h^-1") },
      );
      expect(pg.formatUnits()).toBe("(pg h) / mL");
      expect(relativeError(pg.toNumber("(pg h) / mL"), expected * 1e3)).toBeLessThan(1e-12);
      const min = partialAuc(minuteProfiles[0].time, minuteProfiles[0].conc, {
        start: "60 min",
        end: "30 h",
        aucMethod,
        lambdaZ: unit(lambdaZ / 60, "min^-1"),
      });
      expect(min.formatUnits()).toBe("(mg min) / L");
      expect(relativeError(min.toNumber("mg*min/L"), expected * 60)).toBeLessThan(1e-12);
    }
  });

  it("rejects a start of the wrong dimension, a λz that is not a rate, and numbers mixed with units", () => {
    const time = series(p.time, "h");
    const conc = series([...p.conc], "mg/L");
    expect(() => partialAuc(time, conc, { start: "1 mg", end: "2 h" })).toThrow(
      'partialAuc: options.start expected a time (e.g. "4 h"); received 1 mg',
    );
    expect(() => partialAuc(time, conc, { start: "1 h", end: "30 h", lambdaZ: "0.1 h" })).toThrow(
      'partialAuc: options.lambdaZ expected a first-order rate constant (e.g. "0.17 h^-1"); received 0.1 h',
    );
    expect(() => partialAuc(time, p.conc as never, { start: "1 h", end: "2 h" })).toThrow(
      "partialAuc: conc must carry units like the other inputs",
    );
    expect(() => partialAuc(time, conc, { start: "1 h", end: "30 h" })).toThrow(
      "partialAuc: options.lambdaZ is needed to extrapolate past the last sample (24.37 h); received undefined",
    );
    expect(() =>
      partialAuc(series([60, 120], "min"), series([4, 2], "ng/mL"), { start: "30 min", end: "1.5 h" }),
    ).toThrow("partialAuc: options.start must not be before the first sample (60 min); received 30");
  });
});
