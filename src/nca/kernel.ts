import { InputError } from "../core/errors";
import { applyBlqPolicy } from "./blq";
import { bestFitLambdaZ, fitLogLinear, isDeclining, type LambdaZFit } from "./lambda-z";
import type { ResolvedNcaOptions } from "./options";
import { NCA_PARAMETER_IDS, emptyNcaValues, type NcaParameterId } from "./parameters";
import { areaBetween, areaTo, segmentAuc } from "./trapezoid";
import type { C0Method, NcaResult, PartialAucResult } from "./types";

/**
 * The NCA number kernel (internal): validated plain arrays and options in one consistent set
 * of units in, every parameter as a number or null out. `nca` and `ncaTable` validate and call
 * it; the quantity layer converts units once around it.
 */
/** `nca` after validation; shared with `ncaTable` and the quantity layer. */
export function ncaResolved(time: readonly number[], conc: readonly number[], o: ResolvedNcaOptions): NcaResult {
  const values = emptyNcaValues();
  const notes: Partial<Record<NcaParameterId, string>> = {};
  const set = (id: NcaParameterId, value: number | null, reason: string): void => {
    values[id] = value;
    if (value === null) notes[id] = reason;
  };
  const method = o.aucMethod;
  const isBolus = o.route === "iv-bolus";
  const isIv = o.route !== "extravascular";

  // 1. Below-LLOQ samples by policy.
  let obsT = [...time];
  let obsC = [...conc];
  if (o.lloq !== null) ({ time: obsT, conc: obsC } = applyBlqPolicy(time, conc, o.lloq, o.blq));
  const n = obsT.length;
  const noSamples = "no samples left after dropping those below the LLOQ";

  // 2. Observed maximum and last measurable concentration.
  let tmaxIdx = -1;
  let tlastIdx = -1;
  for (let i = 0; i < n; i++) {
    if (tmaxIdx < 0 || obsC[i] > obsC[tmaxIdx]) tmaxIdx = i;
    if (obsC[i] > 0) tlastIdx = i;
  }
  const noMeasurable = n === 0 ? noSamples : "no measurable (positive) concentration";
  set("cmax", tmaxIdx >= 0 ? obsC[tmaxIdx] : null, noSamples);
  set("tmax", tlastIdx >= 0 ? obsT[tmaxIdx] : null, noMeasurable);
  set("cmaxD", values.cmax === null ? null : values.cmax / o.dose, noSamples);
  set("tlast", tlastIdx >= 0 ? obsT[tlastIdx] : null, noMeasurable);
  set("clast", tlastIdx >= 0 ? obsC[tlastIdx] : null, noMeasurable);

  // 3. The profile from the dose time: observed, inserted (0, 0), or C0 for a bolus.
  if (isBolus && n > 0 && obsT[0] === 0 && obsC[0] === 0) {
    throw new InputError(
      "nca",
      "conc",
      "at time 0 must be positive for an IV bolus (it is C0); leave out a pre-dose sample",
      obsC[0],
    );
  }
  let c0: number | null;
  let c0Method: C0Method | null;
  let offset: number; // index in the augmented profile of observed sample 0
  if (n > 0 && obsT[0] === 0) {
    [c0, c0Method, offset] = [obsC[0], "observed", 0];
  } else if (!isBolus) {
    [c0, c0Method, offset] = [0, "inserted-zero", 1];
  } else if (n >= 2 && obsC[0] > obsC[1] && obsC[1] > 0) {
    const slope = Math.log(obsC[0] / obsC[1]) / (obsT[1] - obsT[0]);
    [c0, c0Method, offset] = [obsC[0] * Math.exp(slope * obsT[0]), "log-back-extrapolation", 1];
  } else if (n >= 1) {
    [c0, c0Method, offset] = [obsC[0], "first-observed", 1];
  } else {
    [c0, c0Method, offset] = [null, null, 0];
  }
  set("c0", c0, noSamples);
  const augT = offset === 1 ? [0, ...obsT] : obsT;
  const augC = offset === 1 ? [c0 as number, ...obsC] : obsC;
  const augLast = tlastIdx + offset;

  // 4. Tlag (extravascular): the sample before the first measurable concentration.
  if (isIv) set("tlag", null, "only defined for extravascular dosing");
  else {
    const firstMeasurable = augC.findIndex((c) => c > 0);
    set("tlag", firstMeasurable < 0 ? null : augT[Math.max(0, firstMeasurable - 1)], noMeasurable);
  }

  // 5. Areas to tlast and to the last sample.
  const aucLast = tlastIdx >= 0 ? areaTo(method, augT, augC, augLast, false) : n > 0 ? 0 : null;
  const aumcLast = tlastIdx >= 0 ? areaTo(method, augT, augC, augLast, true) : n > 0 ? 0 : null;
  set("aucLast", aucLast, noSamples);
  set("aumcLast", aumcLast, noSamples);
  set("aucAll", n > 0 ? areaTo(method, augT, augC, augT.length - 1, false) : null, noSamples);
  set("aucLastD", aucLast === null ? null : aucLast / o.dose, noSamples);
  const infusionShift = o.duration === null ? 0 : o.duration / 2;
  set(
    "mrtLast",
    aucLast && aumcLast !== null ? aumcLast / aucLast - infusionShift : null,
    aucLast === null ? noSamples : "AUClast is 0",
  );

  // 6. Terminal phase.
  const terminal = chooseTerminal(obsT, obsC, tmaxIdx, o);
  const fit = "fit" in terminal ? terminal.fit : null;
  const lambdaZTimes = "fit" in terminal ? terminal.indices.map((i) => obsT[i]) : [];
  const noFit = "reason" in terminal ? terminal.reason : "";
  set("lambdaZ", fit && fit.lambdaZ, noFit);
  set("lambdaZIntercept", fit && fit.intercept, noFit);
  set("r2", fit && fit.r2, noFit);
  set("r2Adj", fit && fit.r2Adj, fit ? "needs 3 or more points" : noFit);
  set("corrXY", fit && fit.corrXY, noFit);
  set("lambdaZPoints", fit && fit.points, noFit);
  set("lambdaZLower", fit && obsT[fit.first], noFit);
  set("lambdaZUpper", fit && obsT[fit.last], noFit);
  set("halfLife", fit && Math.LN2 / fit.lambdaZ, noFit);

  // 7. Extrapolation to infinity, observed and predicted Clast.
  const needsLz = `needs λz: ${noFit}`;
  if (fit && aucLast !== null && aumcLast !== null && tlastIdx >= 0) {
    const lz = fit.lambdaZ;
    const tlast = obsT[tlastIdx];
    const clastPred = Math.exp(fit.intercept - lz * tlast);
    set("clastPred", clastPred, "");
    const backArea = isBolus ? segmentAuc(method, augT[0], augC[0], augT[1] ?? 0, augC[1] ?? 0) : 0;
    for (const [suffix, clast] of [
      ["Obs", obsC[tlastIdx]],
      ["Pred", clastPred],
    ] as const) {
      const aucInf = aucLast + clast / lz;
      const aumcInf = aumcLast + (tlast * clast) / lz + clast / (lz * lz);
      const mrtInf = aumcInf / aucInf - infusionShift;
      const cl = o.dose / aucInf;
      const obs = suffix === "Obs";
      set(`aucInf${suffix}`, aucInf, "");
      set(`aucInfD${suffix}`, aucInf / o.dose, "");
      set(`aucPctExtrap${suffix}`, (100 * (aucInf - aucLast)) / aucInf, "");
      set(`aumcInf${suffix}`, aumcInf, "");
      set(`aumcPctExtrap${suffix}`, (100 * (aumcInf - aumcLast)) / aumcInf, "");
      set(`mrtInf${suffix}`, mrtInf, "");
      set(obs ? "cl" : "clPred", cl, "");
      set(obs ? "vz" : "vzPred", o.dose / (lz * aucInf), "");
      if (isIv) set(obs ? "vss" : "vssPred", mrtInf * cl, "");
      if (isBolus) set(`aucPctBackExtrap${suffix}`, (100 * backArea) / aucInf, "");
    }
  } else {
    const reason = tlastIdx < 0 ? noMeasurable : needsLz;
    for (const id of [
      "clastPred",
      "aucInfObs",
      "aucInfDObs",
      "aucPctExtrapObs",
      "aumcInfObs",
      "aumcPctExtrapObs",
      "mrtInfObs",
      "cl",
      "vz",
      "aucInfPred",
      "aucInfDPred",
      "aucPctExtrapPred",
      "aumcInfPred",
      "aumcPctExtrapPred",
      "mrtInfPred",
      "clPred",
      "vzPred",
    ] as const) {
      set(id, null, reason);
    }
    if (isIv) for (const id of ["vss", "vssPred"] as const) set(id, null, reason);
    if (isBolus) for (const id of ["aucPctBackExtrapObs", "aucPctBackExtrapPred"] as const) set(id, null, reason);
  }
  if (!isIv) for (const id of ["vss", "vssPred"] as const) set(id, null, "only defined for intravascular dosing");
  if (!isBolus)
    for (const id of ["aucPctBackExtrapObs", "aucPctBackExtrapPred"] as const)
      set(id, null, "only defined for an IV bolus (back-extrapolated C0)");

  // 8. Partial AUCs on the same interpolation, extrapolated with λz past the last sample.
  const partialAucs: PartialAucResult[] = o.partialAucs.map(({ start, end }) => {
    if (n === 0) return { start, end, auc: null, reason: noSamples };
    const auc = areaBetween(method, augT, augC, start, end, fit ? fit.lambdaZ : null);
    if (auc !== null && !Number.isFinite(auc))
      return { start, end, auc: null, reason: "overflows the double range for this profile" };
    return auc === null
      ? { start, end, auc, reason: `extrapolation past the last sample ${needsLz}` }
      : { start, end, auc };
  });

  // 9. A pathological profile (e.g. a steep bolus decline sampled late) can overflow the
  // double range in C0 and everything built on it: report that, never Infinity or NaN.
  for (const id of NCA_PARAMETER_IDS) {
    const v = values[id];
    if (v !== null && !Number.isFinite(v))
      set(
        id,
        null,
        `overflows the double range for this profile${isBolus && !Number.isFinite(c0 as number) ? " (C0 back-extrapolation overflowed)" : ""}`,
      );
  }

  const selection = o.lambdaZTimes ? "times" : o.lambdaZWindow ? "window" : "best-fit";
  return Object.assign(values, {
    notes,
    route: o.route,
    aucMethod: method,
    c0Method,
    lambdaZSelection: selection,
    lambdaZTimes,
    partialAucs,
  }) as NcaResult;
}

type Terminal = { fit: LambdaZFit; indices: number[] } | { reason: string };

/** The terminal points: best fit, the analyst's window, or the analyst's sample times. */
function chooseTerminal(
  time: readonly number[],
  conc: readonly number[],
  tmaxIdx: number,
  o: ResolvedNcaOptions,
): Terminal {
  if (tmaxIdx < 0) return { reason: "no samples" };
  let indices: number[];
  if (o.lambdaZTimes) {
    indices = o.lambdaZTimes.map((t) => {
      const i = time.indexOf(t);
      if (i < 0)
        throw new InputError("nca", "options.lambdaZTimes", "must contain only sampling times of the profile", t);
      if (!(conc[i] > 0))
        throw new InputError(
          "nca",
          "options.lambdaZTimes",
          "must pick samples with a positive concentration",
          `${t} h with ${conc[i]} mg/L`,
        );
      return i;
    });
  } else if (o.lambdaZWindow) {
    const { start, end } = o.lambdaZWindow;
    indices = [];
    for (let i = 0; i < time.length; i++) if (time[i] >= start && time[i] <= end && conc[i] > 0) indices.push(i);
  } else {
    const bolus = o.route === "iv-bolus";
    // Bolus: from tmax on (Cmax may be in, C0 never); otherwise strictly after tmax.
    const eligible: number[] = [];
    for (let i = bolus ? tmaxIdx : tmaxIdx + 1; i < time.length; i++) if (conc[i] > 0 && time[i] > 0) eligible.push(i);
    const best = bestFitLambdaZ(
      time,
      conc,
      eligible,
      o.lambdaZMinPoints,
      o.adjR2Tolerance,
      bolus ? "from tmax on" : "after tmax",
    );
    if ("reason" in best) return best;
    return { fit: best.fit, indices: eligible.slice(eligible.indexOf(best.fit.first)) };
  }
  const chosen = o.lambdaZTimes
    ? "the chosen times"
    : `the window [${o.lambdaZWindow?.start}, ${o.lambdaZWindow?.end}] h`;
  if (indices.length < o.lambdaZMinPoints)
    return { reason: `fewer than ${o.lambdaZMinPoints} positive concentrations in ${chosen} (${indices.length})` };
  const fit = fitLogLinear(time, conc, indices);
  if (!fit) return { reason: `the concentrations in ${chosen} are all equal` };
  if (!isDeclining(fit, time))
    return { reason: `the log-linear slope over ${chosen} is not declining (λz = ${fit.lambdaZ.toPrecision(4)} 1/h)` };
  return { fit, indices };
}
