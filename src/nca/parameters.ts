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

const P = (id: NcaParameterId, label: string, unitKind: NcaUnitKind, description: string, ...winNonlin: string[]): NcaParameter => ({
  id,
  label,
  unitKind,
  unit: NCA_UNITS[unitKind],
  description,
  winNonlin,
});

/** Every numeric parameter an `nca` result reports, in WinNonlin's table order. */
export const NCA_PARAMETER_IDS = [
  "r2",
  "r2Adj",
  "corrXY",
  "lambdaZPoints",
  "lambdaZ",
  "lambdaZIntercept",
  "lambdaZLower",
  "lambdaZUpper",
  "halfLife",
  "tlag",
  "tmax",
  "cmax",
  "cmaxD",
  "c0",
  "tlast",
  "clast",
  "clastPred",
  "aucLast",
  "aucLastD",
  "aucAll",
  "aucInfObs",
  "aucInfDObs",
  "aucPctExtrapObs",
  "aucPctBackExtrapObs",
  "vz",
  "cl",
  "aucInfPred",
  "aucInfDPred",
  "aucPctExtrapPred",
  "aucPctBackExtrapPred",
  "vzPred",
  "clPred",
  "aumcLast",
  "aumcInfObs",
  "aumcPctExtrapObs",
  "aumcInfPred",
  "aumcPctExtrapPred",
  "mrtLast",
  "mrtInfObs",
  "mrtInfPred",
  "vss",
  "vssPred",
] as const;
export type NcaParameterId = (typeof NCA_PARAMETER_IDS)[number];

/**
 * A fresh record with every parameter set to null. Written as one literal so that every
 * result object has the same shape (a fast object for the engine, not a dictionary).
 */
export function emptyNcaValues(): Record<NcaParameterId, number | null> {
  return {
    r2: null, r2Adj: null, corrXY: null, lambdaZPoints: null, lambdaZ: null, lambdaZIntercept: null, lambdaZLower: null,
    lambdaZUpper: null, halfLife: null, tlag: null, tmax: null, cmax: null, cmaxD: null, c0: null, tlast: null, clast: null,
    clastPred: null, aucLast: null, aucLastD: null, aucAll: null, aucInfObs: null, aucInfDObs: null, aucPctExtrapObs: null,
    aucPctBackExtrapObs: null, vz: null, cl: null, aucInfPred: null, aucInfDPred: null, aucPctExtrapPred: null,
    aucPctBackExtrapPred: null, vzPred: null, clPred: null, aumcLast: null, aumcInfObs: null, aumcPctExtrapObs: null,
    aumcInfPred: null, aumcPctExtrapPred: null, mrtLast: null, mrtInfObs: null, mrtInfPred: null, vss: null, vssPred: null,
  };
}

/** The registry, in {@link NCA_PARAMETER_IDS} order. */
export const NCA_PARAMETERS: readonly NcaParameter[] = [
  P("r2", "R²", "dimensionless", "Coefficient of determination of the log-linear terminal regression", "Rsq"),
  P("r2Adj", "R² adj", "dimensionless", "Adjusted R² of the terminal regression: 1 − (1 − R²)(n − 1)/(n − 2)", "Rsq_adjusted"),
  P("corrXY", "Corr(t, ln C)", "dimensionless", "Correlation between time and ln(concentration) over the terminal points", "Corr_XY"),
  P("lambdaZPoints", "λz points", "count", "Number of points used to estimate λz", "No_points_lambda_z"),
  P("lambdaZ", "λz", "rateConstant", "Terminal first-order rate constant: −slope of ln C against t", "Lambda_z"),
  P("lambdaZIntercept", "λz intercept", "dimensionless", "Intercept of the terminal regression of ln(C [mg/L]) on t"),
  P("lambdaZLower", "λz from", "time", "Time of the first point in the terminal regression", "Lambda_z_lower"),
  P("lambdaZUpper", "λz to", "time", "Time of the last point in the terminal regression", "Lambda_z_upper"),
  P("halfLife", "t½", "time", "Terminal half-life ln 2 / λz", "HL_Lambda_z"),
  P("tlag", "tlag", "time", "Time of the sample before the first measurable concentration (extravascular)", "Tlag"),
  P("tmax", "tmax", "time", "Time of the highest observed concentration (first, if tied)", "Tmax"),
  P("cmax", "Cmax", "concentration", "Highest observed concentration", "Cmax"),
  P("cmaxD", "Cmax/D", "concentrationPerDose", "Cmax divided by the dose", "Cmax_D"),
  P("c0", "C0", "concentration", "Concentration at the dose time: observed, or back-extrapolated for an IV bolus", "C0"),
  P("tlast", "tlast", "time", "Time of the last measurable (positive) concentration", "Tlast"),
  P("clast", "Clast", "concentration", "Last measurable (positive) concentration", "Clast"),
  P("clastPred", "Clast pred", "concentration", "Concentration at tlast predicted by the terminal regression", "Clast_pred"),
  P("aucLast", "AUClast", "auc", "AUC from the dose to tlast", "AUClast"),
  P("aucLastD", "AUClast/D", "aucPerDose", "AUClast divided by the dose", "AUClast_D"),
  P("aucAll", "AUCall", "auc", "AUC from the dose to the last sample, including the fall to a zero after tlast", "AUCall"),
  P("aucInfObs", "AUCinf,obs", "auc", "AUC extrapolated to infinity from the observed Clast: AUClast + Clast/λz", "AUCINF_obs"),
  P("aucInfDObs", "AUCinf,obs/D", "aucPerDose", "AUCinf,obs divided by the dose", "AUCINF_D_obs"),
  P("aucPctExtrapObs", "AUC %extrap,obs", "percent", "Share of AUCinf,obs extrapolated beyond tlast", "AUC_%Extrap_obs"),
  P("aucPctBackExtrapObs", "AUC %back-extrap,obs", "percent", "Share of AUCinf,obs back-extrapolated before the first sample (IV bolus)", "AUC_%Back_Ext_obs"),
  P("vz", "Vz(/F),obs", "volume", "Terminal volume Dose/(λz·AUCinf,obs); Vz/F for extravascular dosing", "Vz_F_obs", "Vz_obs"),
  P("cl", "CL(/F),obs", "clearance", "Clearance Dose/AUCinf,obs; CL/F for extravascular dosing", "Cl_F_obs", "Cl_obs"),
  P("aucInfPred", "AUCinf,pred", "auc", "AUC extrapolated to infinity from the predicted Clast: AUClast + Clast,pred/λz", "AUCINF_pred"),
  P("aucInfDPred", "AUCinf,pred/D", "aucPerDose", "AUCinf,pred divided by the dose", "AUCINF_D_pred"),
  P("aucPctExtrapPred", "AUC %extrap,pred", "percent", "Share of AUCinf,pred extrapolated beyond tlast", "AUC_%Extrap_pred"),
  P("aucPctBackExtrapPred", "AUC %back-extrap,pred", "percent", "Share of AUCinf,pred back-extrapolated before the first sample (IV bolus)", "AUC_%Back_Ext_pred"),
  P("vzPred", "Vz(/F),pred", "volume", "Terminal volume Dose/(λz·AUCinf,pred)", "Vz_F_pred", "Vz_pred"),
  P("clPred", "CL(/F),pred", "clearance", "Clearance Dose/AUCinf,pred", "Cl_F_pred", "Cl_pred"),
  P("aumcLast", "AUMClast", "aumc", "Area under the first-moment curve t·C from the dose to tlast", "AUMClast"),
  P("aumcInfObs", "AUMCinf,obs", "aumc", "AUMClast + tlast·Clast/λz + Clast/λz²", "AUMCINF_obs"),
  P("aumcPctExtrapObs", "AUMC %extrap,obs", "percent", "Share of AUMCinf,obs extrapolated beyond tlast", "AUMC_%Extrap_obs"),
  P("aumcInfPred", "AUMCinf,pred", "aumc", "AUMClast + tlast·Clast,pred/λz + Clast,pred/λz²", "AUMCINF_pred"),
  P("aumcPctExtrapPred", "AUMC %extrap,pred", "percent", "Share of AUMCinf,pred extrapolated beyond tlast", "AUMC_%Extrap_pred"),
  P("mrtLast", "MRTlast", "time", "Mean residence time to tlast: AUMClast/AUClast (minus half the infusion duration)", "MRTlast"),
  P("mrtInfObs", "MRTinf,obs", "time", "Mean residence time AUMCinf,obs/AUCinf,obs (minus half the infusion duration)", "MRTINF_obs"),
  P("mrtInfPred", "MRTinf,pred", "time", "Mean residence time AUMCinf,pred/AUCinf,pred (minus half the infusion duration)", "MRTINF_pred"),
  P("vss", "Vss,obs", "volume", "Steady-state volume MRTinf,obs·CL,obs (intravascular dosing)", "Vss_obs"),
  P("vssPred", "Vss,pred", "volume", "Steady-state volume MRTinf,pred·CL,pred (intravascular dosing)", "Vss_pred"),
];

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
