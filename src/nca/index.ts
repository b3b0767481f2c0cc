/** Non-compartmental analysis (NCA): the `nca` function, its parameter registry and tables. */
export { nca } from "./nca";
export {
  NCA_PARAMETERS,
  NCA_PARAMETER_IDS,
  NCA_UNITS,
  ncaParameter,
  parameterForWinNonlinColumn,
  type NcaParameter,
  type NcaParameterId,
  type NcaUnitKind,
} from "./parameters";
export { BLQ_POLICIES } from "./blq";
export {
  AUC_METHODS,
  NCA_ROUTES,
  type AucInterval,
  type AucMethod,
  type BlqAction,
  type BlqPolicy,
  type BlqPolicyName,
  type C0Method,
  type LambdaZWindow,
  type NcaOptions,
  type NcaQuantityOptions,
  type NcaQuantityResult,
  type NcaResult,
  type NcaRoute,
  type NcaValues,
  type PartialAucResult,
} from "./types";
export { partialAuc, type PartialAucOptions, type PartialAucQuantityOptions } from "./partial-auc";
export {
  ncaTable,
  formatNcaTable,
  DEFAULT_NCA_TABLE_PARAMETERS,
  type NcaQuantityProfile,
  type NcaQuantityTable,
  type NcaQuantityTableOptions,
  type NcaTable,
  type NcaTableColumn,
  type NcaTableOptions,
  type NcaTableRow,
} from "./table";
