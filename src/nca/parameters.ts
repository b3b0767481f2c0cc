import { InputError } from "../core/errors";

/**
 * The one registry of NCA parameters: id (the field of an `nca` result), label for tables
 * and charts, unit in the library's NCA units (time h, concentration mg/L, dose mg), unit
 * kind, a one-line description, and the Phoenix WinNonlin column name(s) the value is
 * reported under. Tables and charts take their labels from here; tests map WinNonlin
 * reference columns to result fields through {@link parameterForWinNonlinColumn}.
 * @see 001_079d5926d130f870.txt, "Microdosing for Basic Pharmacokinetics"
 */

/** What physical kind a parameter's value is, in the library's NCA units. */
export type NcaUnitKind =
  | "time"
  | "concentration"
  | "concentrationPerDose"
  | "rateConstant"
  | "auc"
  | "aucPerDose"
  | "aumc"
  | "clearance"
  | "volume"
  | "percent"
  | "count"
  | "dimensionless";

/** The unit each kind is reported in when time is in h, concentration in mg/L and dose in mg. */
export const NCA_UNITS: Readonly<Record<NcaUnitKind, string>> = {
  time: "h",
  concentration: "mg/L",
  concentrationPerDose: "1/L",
  rateConstant: "1/h",
  auc: "h·mg/L",
  aucPerDose: "h/L",
  aumc: "h²·mg/L",
  clearance: "L/h",
  volume: "L",
  percent: "%",
  count: "",
  dimensionless: "",
};

/** One NCA parameter's metadata. */
export interface NcaParameter {
  /** Field name in an `nca` result (PKNCA / CDISC-style camelCase). */
  readonly id: NcaParameterId;
  /** Short label for table headers and chart axes. */
  readonly label: string;
  readonly unitKind: NcaUnitKind;
  /** Unit string in the library's NCA units (see {@link NCA_UNITS}). */
  readonly unit: string;
  readonly description: string;
  /** Phoenix WinNonlin output column(s): first for extravascular (…_F_…), then intravascular names. */
  readonly winNonlin: readonly string[];
}

/**
 * The registry rows, in WinNonlin's table order: one object literal per parameter. Every
 * numeric parameter an `nca` result reports is a row here; the ids and their unit kinds
 * (for typing quantity results) are read off these rows.
 */
const ROWS = [
  {
    id: "r2",
    label: "R²",
    unitKind: "dimensionless",
    winNonlin: ["Rsq"],
    description: "Coefficient of determination of the log-linear terminal regression",
  },
  {
    id: "r2Adj",
    label: "R² adj",
    unitKind: "dimensionless",
    winNonlin: ["Rsq_adjusted"],
    description: "Adjusted R² of the terminal regression: 1 − (1 − R²)(n − 1)/(n − 2)",
  },
  {
    id: "corrXY",
    label: "Corr(t, ln C)",
    unitKind: "dimensionless",
    winNonlin: ["Corr_XY"],
    description: "Correlation between time and ln(concentration) over the terminal points",
  },
  {
    id: "lambdaZPoints",
    label: "λz points",
    unitKind: "count",
    winNonlin: ["No_points_lambda_z"],
    description: "Number of points used to estimate λz",
  },
  {
    id: "lambdaZ",
    label: "λz",
    unitKind: "rateConstant",
    winNonlin: ["Lambda_z"],
    description: "Terminal first-order rate constant: −slope of ln C against t",
  },
  {
    id: "lambdaZIntercept",
    label: "λz intercept",
    unitKind: "dimensionless",
    winNonlin: [],
    description: "Intercept of the terminal regression of ln(C [mg/L]) on t",
  },
  {
    id: "lambdaZLower",
    label: "λz from",
    unitKind: "time",
    winNonlin: ["Lambda_z_lower"],
    description: "Time of the first point in the terminal regression",
  },
  {
    id: "lambdaZUpper",
    label: "λz to",
    unitKind: "time",
    winNonlin: ["Lambda_z_upper"],
    description: "Time of the last point in the terminal regression",
  },
  {
    id: "halfLife",
    label: "t½",
    unitKind: "time",
    winNonlin: ["HL_Lambda_z"],
    description: "Terminal half-life ln 2 / λz",
  },
  {
    id: "tlag",
    label: "tlag",
    unitKind: "time",
    winNonlin: ["Tlag"],
    description: "Time of the sample before the first measurable concentration (extravascular)",
  },
  {
    id: "tmax",
    label: "tmax",
    unitKind: "time",
    winNonlin: ["Tmax"],
    description: "Time of the highest observed concentration (first, if tied)",
  },
  {
    id: "cmax",
    label: "Cmax",
    unitKind: "concentration",
    winNonlin: ["Cmax"],
    description: "Highest observed concentration",
  },
  {
    id: "cmaxD",
    label: "Cmax/D",
    unitKind: "concentrationPerDose",
    winNonlin: ["Cmax_D"],
    description: "Cmax divided by the dose",
  },
  {
    id: "c0",
    label: "C0",
    unitKind: "concentration",
    winNonlin: ["C0"],
    description: "Concentration at the dose time: observed, or back-extrapolated for an IV bolus",
  },
  {
    id: "tlast",
    label: "tlast",
    unitKind: "time",
    winNonlin: ["Tlast"],
    description: "Time of the last measurable (positive) concentration",
  },
  {
    id: "clast",
    label: "Clast",
    unitKind: "concentration",
    winNonlin: ["Clast"],
    description: "Last measurable (positive) concentration",
  },
  {
    id: "clastPred",
    label: "Clast pred",
    unitKind: "concentration",
    winNonlin: ["Clast_pred"],
    description: "Concentration at tlast predicted by the terminal regression",
  },
  {
    id: "aucLast",
    label: "AUClast",
    unitKind: "auc",
    winNonlin: ["AUClast"],
    description: "AUC from the dose to tlast",
  },
  {
    id: "aucLastD",
    label: "AUClast/D",
    unitKind: "aucPerDose",
    winNonlin: ["AUClast_D"],
    description: "AUClast divided by the dose",
  },
  {
    id: "aucAll",
    label: "AUCall",
    unitKind: "auc",
    winNonlin: ["AUCall"],
    description: "AUC from the dose to the last sample, including the fall to a zero after tlast",
  },
  {
    id: "aucInfObs",
    label: "AUCinf,obs",
    unitKind: "auc",
    winNonlin: ["AUCINF_obs"],
    description: "AUC extrapolated to infinity from the observed Clast: AUClast + Clast/λz",
  },
  {
    id: "aucInfDObs",
    label: "AUCinf,obs/D",
    unitKind: "aucPerDose",
    winNonlin: ["AUCINF_D_obs"],
    description: "AUCinf,obs divided by the dose",
  },
  {
    id: "aucPctExtrapObs",
    label: "AUC %extrap,obs",
    unitKind: "percent",
    winNonlin: ["AUC_%Extrap_obs"],
    description: "Share of AUCinf,obs extrapolated beyond tlast",
  },
  {
    id: "aucPctBackExtrapObs",
    label: "AUC %back-extrap,obs",
    unitKind: "percent",
    winNonlin: ["AUC_%Back_Ext_obs"],
    description: "Share of AUCinf,obs back-extrapolated before the first sample (IV bolus)",
  },
  {
    id: "vz",
    label: "Vz(/F),obs",
    unitKind: "volume",
    winNonlin: ["Vz_F_obs", "Vz_obs"],
    description: "Terminal volume Dose/(λz·AUCinf,obs); Vz/F for extravascular dosing",
  },
  {
    id: "cl",
    label: "CL(/F),obs",
    unitKind: "clearance",
    winNonlin: ["Cl_F_obs", "Cl_obs"],
    description: "Clearance Dose/AUCinf,obs; CL/F for extravascular dosing",
  },
  {
    id: "aucInfPred",
    label: "AUCinf,pred",
    unitKind: "auc",
    winNonlin: ["AUCINF_pred"],
    description: "AUC extrapolated to infinity from the predicted Clast: AUClast + Clast,pred/λz",
  },
  {
    id: "aucInfDPred",
    label: "AUCinf,pred/D",
    unitKind: "aucPerDose",
    winNonlin: ["AUCINF_D_pred"],
    description: "AUCinf,pred divided by the dose",
  },
  {
    id: "aucPctExtrapPred",
    label: "AUC %extrap,pred",
    unitKind: "percent",
    winNonlin: ["AUC_%Extrap_pred"],
    description: "Share of AUCinf,pred extrapolated beyond tlast",
  },
  {
    id: "aucPctBackExtrapPred",
    label: "AUC %back-extrap,pred",
    unitKind: "percent",
    winNonlin: ["AUC_%Back_Ext_pred"],
    description: "Share of AUCinf,pred back-extrapolated before the first sample (IV bolus)",
  },
  {
    id: "vzPred",
    label: "Vz(/F),pred",
    unitKind: "volume",
    winNonlin: ["Vz_F_pred", "Vz_pred"],
    description: "Terminal volume Dose/(λz·AUCinf,pred)",
  },
  {
    id: "clPred",
    label: "CL(/F),pred",
    unitKind: "clearance",
    winNonlin: ["Cl_F_pred", "Cl_pred"],
    description: "Clearance Dose/AUCinf,pred",
  },
  {
    id: "aumcLast",
    label: "AUMClast",
    unitKind: "aumc",
    winNonlin: ["AUMClast"],
    description: "Area under the first-moment curve t·C from the dose to tlast",
  },
  {
    id: "aumcInfObs",
    label: "AUMCinf,obs",
    unitKind: "aumc",
    winNonlin: ["AUMCINF_obs"],
    description: "AUMClast + tlast·Clast/λz + Clast/λz²",
  },
  {
    id: "aumcPctExtrapObs",
    label: "AUMC %extrap,obs",
    unitKind: "percent",
    winNonlin: ["AUMC_%Extrap_obs"],
    description: "Share of AUMCinf,obs extrapolated beyond tlast",
  },
  {
    id: "aumcInfPred",
    label: "AUMCinf,pred",
    unitKind: "aumc",
    winNonlin: ["AUMCINF_pred"],
    description: "AUMClast + tlast·Clast,pred/λz + Clast,pred/λz²",
  },
  {
    id: "aumcPctExtrapPred",
    label: "AUMC %extrap,pred",
    unitKind: "percent",
    winNonlin: ["AUMC_%Extrap_pred"],
    description: "Share of AUMCinf,pred extrapolated beyond tlast",
  },
  {
    id: "mrtLast",
    label: "MRTlast",
    unitKind: "time",
    winNonlin: ["MRTlast"],
    description: "Mean residence time to tlast: AUMClast/AUClast (minus half the infusion duration)",
  },
  {
    id: "mrtInfObs",
    label: "MRTinf,obs",
    unitKind: "time",
    winNonlin: ["MRTINF_obs"],
    description: "Mean residence time AUMCinf,obs/AUCinf,obs (minus half the infusion duration)",
  },
  {
    id: "mrtInfPred",
    label: "MRTinf,pred",
    unitKind: "time",
    winNonlin: ["MRTINF_pred"],
    description: "Mean residence time AUMCinf,pred/AUCinf,pred (minus half the infusion duration)",
  },
  {
    id: "vss",
    label: "Vss,obs",
    unitKind: "volume",
    winNonlin: ["Vss_obs"],
    description: "Steady-state volume MRTinf,obs·CL,obs (intravascular dosing)",
  },
  {
    id: "vssPred",
    label: "Vss,pred",
    unitKind: "volume",
    winNonlin: ["Vss_pred"],
    description: "Steady-state volume MRTinf,pred·CL,pred (intravascular dosing)",
  },
] as const satisfies readonly (Omit<NcaParameter, "id" | "unit"> & { readonly id: string })[];

/** Every numeric parameter an `nca` result reports, in WinNonlin's table order. */
export const NCA_PARAMETER_IDS: readonly NcaParameterId[] = ROWS.map((row) => row.id);
export type NcaParameterId = (typeof ROWS)[number]["id"];
/** The parameters that are plain numbers whatever the input units (R², counts, percentages, the log-scale intercept). */
export type NcaUnitlessParameterId = Extract<
  (typeof ROWS)[number],
  { unitKind: "dimensionless" | "count" | "percent" }
>["id"];

/**
 * A fresh record with every parameter set to null. Written as one literal so that every
 * result object has the same shape (a fast object for the engine, not a dictionary).
 */
export function emptyNcaValues(): Record<NcaParameterId, number | null> {
  return {
    r2: null,
    r2Adj: null,
    corrXY: null,
    lambdaZPoints: null,
    lambdaZ: null,
    lambdaZIntercept: null,
    lambdaZLower: null,
    lambdaZUpper: null,
    halfLife: null,
    tlag: null,
    tmax: null,
    cmax: null,
    cmaxD: null,
    c0: null,
    tlast: null,
    clast: null,
    clastPred: null,
    aucLast: null,
    aucLastD: null,
    aucAll: null,
    aucInfObs: null,
    aucInfDObs: null,
    aucPctExtrapObs: null,
    aucPctBackExtrapObs: null,
    vz: null,
    cl: null,
    aucInfPred: null,
    aucInfDPred: null,
    aucPctExtrapPred: null,
    aucPctBackExtrapPred: null,
    vzPred: null,
    clPred: null,
    aumcLast: null,
    aumcInfObs: null,
    aumcPctExtrapObs: null,
    aumcInfPred: null,
    aumcPctExtrapPred: null,
    mrtLast: null,
    mrtInfObs: null,
    mrtInfPred: null,
    vss: null,
    vssPred: null,
  };
}

/** The registry, in {@link NCA_PARAMETER_IDS} order. */
export const NCA_PARAMETERS: readonly NcaParameter[] = ROWS.map((row) => ({ ...row, unit: NCA_UNITS[row.unitKind] }));

const byId = new Map(NCA_PARAMETERS.map((p) => [p.id, p]));
const byWinNonlin = new Map(NCA_PARAMETERS.flatMap((p) => p.winNonlin.map((column) => [column, p] as const)));

/**
 * The registry entry for a result field.
 * @param id a parameter id such as "aucLast"
 * @throws {InputError} when the id is not in the registry
 * @example ncaParameter("aucInfObs").label // => "AUCinf,obs"
 */
export function ncaParameter(id: NcaParameterId): NcaParameter {
  const parameter = byId.get(id);
  if (!parameter) throw new InputError("ncaParameter", "id", "must be an NCA parameter id (see NCA_PARAMETER_IDS)", id);
  return parameter;
}

/**
 * The registry entry reported under a Phoenix WinNonlin column name, or undefined if the
 * column is not an NCA parameter (e.g. "Subject").
 * @param column a WinNonlin column, e.g. "Cl_F_obs" or "Cl_obs"
 * @example parameterForWinNonlinColumn("Cl_F_obs")?.id // => "cl"
 */
export function parameterForWinNonlinColumn(column: string): NcaParameter | undefined {
  return byWinNonlin.get(column);
}
