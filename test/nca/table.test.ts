import { describe, expect, it } from "vitest";
import {
  DEFAULT_NCA_TABLE_PARAMETERS,
  NCA_PARAMETERS,
  NCA_PARAMETER_IDS,
  formatNcaTable,
  loadIndometh,
  loadTheoph,
  nca,
  ncaParameter,
  ncaTable,
  parameterForWinNonlinColumn,
  type NcaParameterId,
} from "../../src";

describe("the NCA parameter registry", () => {
  it("has one entry per result parameter, in NCA_PARAMETER_IDS order, each with label, unit and description", () => {
    expect(NCA_PARAMETERS.map((p) => p.id)).toEqual([...NCA_PARAMETER_IDS]);
    for (const p of NCA_PARAMETERS) {
      expect(p.label.length).toBeGreaterThan(0);
      expect(p.description.length).toBeGreaterThan(10);
    }
  });

  it("every nca result carries exactly the registry's parameters", () => {
    const r = nca([0, 1, 2, 4, 8], [0, 8, 6, 3, 1], { dose: 1, route: "extravascular" });
    for (const id of NCA_PARAMETER_IDS) expect(r).toHaveProperty(id);
  });

  it('ncaParameter("aucInfObs").label is "AUCinf,obs" (doc example)', () => {
    expect(ncaParameter("aucInfObs").label).toBe("AUCinf,obs");
    expect(ncaParameter("cl").unit).toBe("L/h");
    expect(ncaParameter("aumcLast").unit).toBe("h²·mg/L");
  });

  it("ncaParameter rejects an unknown id", () => {
    expect(() => ncaParameter("auc" as NcaParameterId)).toThrow(
      "ncaParameter: id must be an NCA parameter id (see NCA_PARAMETER_IDS); received auc",
    );
  });

  it('parameterForWinNonlinColumn maps both extravascular and intravascular names ("Cl_F_obs" and "Cl_obs" → cl)', () => {
    expect(parameterForWinNonlinColumn("Cl_F_obs")?.id).toBe("cl");
    expect(parameterForWinNonlinColumn("Cl_obs")?.id).toBe("cl");
    expect(parameterForWinNonlinColumn("AUC_%Back_Ext_pred")?.id).toBe("aucPctBackExtrapPred");
    expect(parameterForWinNonlinColumn("Subject")).toBeUndefined();
  });
});

describe("ncaTable(profiles, options)", () => {
  it("doc example: Theoph with a flat 320 mg gives subject 1 AUClast 148.92305 h·mg/L", () => {
    expect(ncaTable(loadTheoph(), { dose: 320, route: "extravascular" }).rows[0].aucLast).toBeCloseTo(148.92305, 9);
  });

  it("labels its columns from the registry, subject first", () => {
    const table = ncaTable(loadTheoph(), { dose: 320, route: "extravascular" });
    expect(table.columns[0]).toEqual({ id: "subject", label: "Subject", unit: "" });
    expect(table.columns.slice(1).map((c) => c.id)).toEqual([...DEFAULT_NCA_TABLE_PARAMETERS]);
    expect(table.columns.find((c) => c.id === "aucLast")).toEqual({ id: "aucLast", label: "AUClast", unit: "h·mg/L" });
    expect(table.rows).toHaveLength(12);
    expect(table.results).toHaveLength(12);
  });

  it("takes the dose from each profile's doseMg, from a function, or from a number", () => {
    const indometh = ncaTable(loadIndometh(), { route: "iv-bolus", parameters: ["cl"] });
    const flat = ncaTable(loadIndometh(), { dose: 25, route: "iv-bolus", parameters: ["cl"] });
    expect(indometh.rows).toEqual(flat.rows);
    const theoph = loadTheoph();
    const byWeight = ncaTable(theoph, {
      dose: (p) => (p.doseMgPerKg as number) * (p.weightKg as number),
      route: "extravascular",
      parameters: ["cl"],
    });
    const first = nca(theoph[0].time, theoph[0].conc, { dose: 4.02 * 79.6, route: "extravascular" });
    expect(byWeight.rows[0].cl).toBeCloseTo(first.cl as number, 12);
  });

  it("rejects empty input, unknown parameters, a missing dose, and names the subject of a bad profile", () => {
    expect(() => ncaTable([], { dose: 1, route: "iv-bolus" })).toThrow(
      "ncaTable: profiles must be a non-empty array of profiles; received []",
    );
    const profiles = [{ subject: "A", time: [0, 1], conc: [1, 0.5] }];
    expect(() => ncaTable(profiles, { dose: 1, route: "iv-bolus", parameters: ["auc" as NcaParameterId] })).toThrow(
      /ncaTable: options.parameters must contain only NCA parameter ids/,
    );
    expect(() => ncaTable(profiles, { route: "iv-bolus" })).toThrow(
      /ncaTable: profiles\[0\] \(subject A\): options.dose must be a finite number; received undefined/,
    );
    expect(() => ncaTable([{ subject: "B", time: [1, 0], conc: [1, 2] }], { dose: 1, route: "iv-bolus" })).toThrow(
      /ncaTable: profiles\[0\] \(subject B\): time must be strictly increasing/,
    );
  });
});

describe("formatNcaTable(table, significantDigits)", () => {
  it("doc example: the first line is the header, starting with Subject", () => {
    expect(
      formatNcaTable(ncaTable(loadIndometh(), { route: "iv-bolus" }))
        .split("\n")[0]
        .startsWith("Subject"),
    ).toBe(true);
  });

  it("prints labels with units, rounded numbers and — for null", () => {
    const table = ncaTable([{ subject: "A", time: [0, 1, 2], conc: [0, 4, 2], doseMg: 1 }], {
      route: "extravascular",
      parameters: ["aucLast", "lambdaZ"],
    });
    const text = formatNcaTable(table, 3);
    expect(text).toBe(["Subject  AUClast [h·mg/L]  λz [1/h]", "A                       5         —"].join("\n"));
    expect(() => formatNcaTable(table, 0)).toThrow(
      "formatNcaTable: significantDigits must be an integer from 1 to 15; received 0",
    );
  });
});
