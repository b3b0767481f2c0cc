// Students' answers to function exercises in quantity style, shared by the quantity tests.
import { math, unit, type Series, type Unit } from "../../src";

/** ex-2.6 written by a student who reads every quantity in µg, mL and min, and answers in µg·min/mL. */
export function studentMichaelisMentenAuc(dose: Unit, volume: Unit, vmax: Unit, km: Unit): Unit {
  if (![dose, volume, vmax, km].every((q) => math.isUnit(q))) throw new Error("the arguments are not Units");
  const c0 = dose.toNumber("ug") / volume.toNumber("mL"); // µg/mL
  const auc = (km.toNumber("ug/mL") * c0 + (c0 * c0) / 2) / vmax.toNumber("ug/mL/min");
  return unit(auc, "ug min / mL");
}

/** ex-3.2's area in the series' own units, as a plain number. */
export function areaInSeriesUnits(time: Series, conc: Series): number {
  const [t, c] = [time.values, conc.values];
  let auc = 0;
  for (let i = 1; i < t.length; i++)
    auc +=
      c[i] < c[i - 1] && c[i] > 0
        ? ((c[i - 1] - c[i]) * (t[i] - t[i - 1])) / Math.log(c[i - 1] / c[i])
        : ((c[i - 1] + c[i]) / 2) * (t[i] - t[i - 1]);
  return auc;
}

/** ex-3.2 as a student who gives the area the series' units. */
export const studentAuc = (time: Series, conc: Series): Unit =>
  math.multiply(unit(areaInSeriesUnits(time, conc), conc.unit), unit(1, time.unit)) as Unit;
