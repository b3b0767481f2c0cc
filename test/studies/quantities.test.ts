/**
 * Issue 14: the study functions that took numbers in documented units (doseProportionality,
 * michaelisMentenExtrapolation, mechanismBasedInhibitionExtrapolation) take quantities and
 * series too; a call with units gives the numbers of the equivalent number call.
 */
import { describe, expect, it } from "vitest";
import {
  doseProportionality,
  mechanismBasedInhibitionExtrapolation,
  michaelisMentenExtrapolation,
  predictivity,
  series,
  unit,
} from "../../src";

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);
const hours = Array.from({ length: 337 }, (_, h) => h);

describe("doseProportionality with units", () => {
  const doses = [0.1, 0.1, 0.1, 1, 1, 1, 10, 10, 10, 100, 100, 100];
  const aucs = [0.011, 0.0095, 0.0102, 0.104, 0.093, 0.11, 1.12, 0.97, 1.05, 11.8, 10.3, 10.9];
  const numbers = doseProportionality(doses, aucs);

  it("series in the number call's units give its result exactly, a in those units", () => {
    const q = doseProportionality(series(doses, "mg"), series(aucs, "mg*h/L"));
    for (const k of ["a", "b", "bSe", "df", "doseRatio", "maxProportionalDoseRatio"] as const)
      expect(rel(q[k], numbers[k])).toBeLessThanOrEqual(1e-12);
    expect(q.ci).toEqual(numbers.ci);
    expect(q.acceptance).toEqual(numbers.acceptance);
    expect(q.conclusion).toBe(numbers.conclusion);
    expect(q.doseUnit).toBe("mg");
    expect(q.exposureUnit).toBe("(mg h) / L");
    expect(q.aUnit).toBe(`(mg h) / L per mg^${Number(numbers.b.toPrecision(4))}`);
  });

  it("microdose scale and unusual units: b is unit-free, a follows the units of the input", () => {
    // The same study written in ug and pg·h/mL (= ng·h/L): b, its CI and the verdict are unchanged.
    const q = doseProportionality(
      doses.map((d) => `${d * 1000} ug`),
      series(
        aucs.map((a) => a * 1e6),
        "pg*h/mL",
      ),
    );
    expect(rel(q.b, numbers.b)).toBeLessThanOrEqual(1e-12);
    expect(rel(q.bSe, numbers.bSe)).toBeLessThanOrEqual(1e-12);
    expect(rel(q.doseRatio, numbers.doseRatio)).toBeLessThanOrEqual(1e-12);
    expect(q.proportional).toBe(numbers.proportional);
    // a' = a · 1e6 / 1000^b: exposure per dose^b in pg·h/mL per ug^b.
    expect(rel(q.a, (numbers.a * 1e6) / 1000 ** numbers.b)).toBeLessThanOrEqual(1e-12);
    // predict is unit-safe: the same exposure whatever units the fit was made in.
    const p = q.predict("0.5 mg").toNumber("mg*h/L");
    expect(rel(p, numbers.a * 0.5 ** numbers.b)).toBeLessThanOrEqual(1e-12);
    expect(q.predict(unit(500, "ug")).formatUnits()).toBe("(pg h) / mL");
  });

  it("amounts of substance and molar Cmax are accepted", () => {
    const q = doseProportionality(series(doses, "umol"), series(aucs, "nM"));
    expect(rel(q.b, numbers.b)).toBeLessThanOrEqual(1e-12);
    expect(() => q.predict("1 mg")).toThrow(
      'DoseProportionalityResult.predict: dose expected an amount of substance (e.g. "30 nmol"); received 1 mg',
    );
  });

  it("wrong dimensions and mixing are refused with a message that says what to give", () => {
    expect(() => doseProportionality(series(doses, "h"), series(aucs, "mg*h/L"))).toThrow(
      'doseProportionality: doses expected a mass or an amount of substance (e.g. "100 ug"); received h',
    );
    expect(() => doseProportionality(series(doses, "mg"), series(aucs, "L"))).toThrow(
      "doseProportionality: exposures expected an AUC (concentration times time) or a mass concentration or a molar concentration",
    );
    expect(() => doseProportionality(series(doses, "mg"), aucs as never)).toThrow(
      'doseProportionality: exposures must carry units like the other inputs, e.g. series([2, 20, 200], "ng*h/mL") (or give every input as plain numbers)',
    );
    expect(() => doseProportionality(doses as never, series(aucs, "mg*h/L"))).toThrow(
      'doseProportionality: doses must carry units like the other inputs, e.g. series([0.1, 1, 10], "mg")',
    );
    expect(() => doseProportionality(["1 mg", "2 h", "3 mg"], series([1, 2, 3], "mg*h/L"))).toThrow(
      "doseProportionality: doses[1] must have the dimension of doses[0] (mg): one unit per series",
    );
    // The number rules still apply on the numbers read from the series.
    expect(() => doseProportionality(series([1, 0, 2], "mg"), series([1, 2, 3], "mg*h/L"))).toThrow(
      "doseProportionality: doses[1] must be greater than 0",
    );
  });
});

describe("michaelisMentenExtrapolation with units", () => {
  const numbers = michaelisMentenExtrapolation({ microDose: 0.1, therapeuticDose: 100, volume: 50, vmax: 0.2, km: 1 });

  it("quantities in the kernel's units give the number call's result to 1e-12, AUCs in the dose unit per volume unit · h", () => {
    const q = michaelisMentenExtrapolation({
      microDose: "100 ug",
      therapeuticDose: "100 mg",
      volume: "50 L",
      vmax: "0.2 mg/L/h",
      km: "1 mg/L",
    });
    expect(q.aucMicro.formatUnits()).toBe("(mg h) / L");
    for (const k of ["aucMicro", "aucTherapeutic", "aucLinearPrediction"] as const)
      expect(rel(q[k].toNumber("mg*h/L"), numbers[k])).toBeLessThanOrEqual(1e-12);
    expect(rel(q.ratio, numbers.ratio)).toBeLessThanOrEqual(1e-12);
  });

  it("unusual units: 0.1 mg as 100000 ng, 50 L as 50000 mL, Km 1 ug/mL, Vmax per minute", () => {
    const q = michaelisMentenExtrapolation({
      microDose: "100000 ng",
      therapeuticDose: unit(0.1, "g"),
      volume: "50000 mL",
      vmax: `${0.2 / 60} mg/L/min`,
      km: "1 ug/mL",
    });
    expect(q.aucTherapeutic.formatUnits()).toBe("(g h) / mL");
    for (const k of ["aucMicro", "aucTherapeutic", "aucLinearPrediction"] as const)
      expect(rel(q[k].toNumber("mg*h/L"), numbers[k])).toBeLessThanOrEqual(1e-12);
    expect(rel(q.ratio, numbers.ratio)).toBeLessThanOrEqual(1e-12);
  });

  it("amounts with molar concentrations give the same ratio (the model is linear in the substance unit)", () => {
    const q = michaelisMentenExtrapolation({
      microDose: "0.1 umol",
      therapeuticDose: "100 umol",
      volume: "50 L",
      vmax: "0.2 uM/h",
      km: "1 uM",
    });
    expect(rel(q.ratio, numbers.ratio)).toBeLessThanOrEqual(1e-12);
    expect(rel(q.aucTherapeutic.toNumber("uM*h"), numbers.aucTherapeutic)).toBeLessThanOrEqual(1e-12);
  });

  it("wrong dimensions, mixing and missing fields are refused", () => {
    const good = { microDose: "100 ug", therapeuticDose: "100 mg", volume: "50 L", vmax: "0.2 mg/L/h", km: "1 mg/L" };
    expect(() => michaelisMentenExtrapolation({ ...good, volume: "50 kg" })).toThrow(
      'michaelisMentenExtrapolation: volume expected a volume (e.g. "1 mL"); received 50 kg',
    );
    expect(() => michaelisMentenExtrapolation({ ...good, km: "1 nM" })).toThrow(
      'michaelisMentenExtrapolation: km expected a mass concentration (e.g. "0.5 pg/mL"), as the other inputs are masses; received 1 nM',
    );
    expect(() => michaelisMentenExtrapolation({ ...good, microDose: 0.1 } as never)).toThrow(
      'michaelisMentenExtrapolation: microDose must carry a unit like the other inputs, e.g. "100 ug" (or give every input as plain numbers); received 0.1',
    );
    const { km: _km, ...noKm } = good;
    expect(() => michaelisMentenExtrapolation(noKm as never)).toThrow(
      'michaelisMentenExtrapolation: km is required: a mass concentration such as "0.5 mg/L"',
    );
    expect(() => michaelisMentenExtrapolation({ ...good, therapeuticDose: "0 mg" })).toThrow(
      "michaelisMentenExtrapolation: therapeuticDose must be greater than 0; received 0",
    );
  });
});

describe("mechanismBasedInhibitionExtrapolation with units", () => {
  const model = { volume: 50, cl0: 10, kdeg: 0.03, kinact: 0.2, ki: 1 };
  const numbers = mechanismBasedInhibitionExtrapolation(
    { ...model, microDose: 0.1, therapeuticDose: 100, count: 7, tau: 24 },
    { times: hours },
  );

  it("quantities and a grid series give the number call's result to 1e-12", () => {
    const q = mechanismBasedInhibitionExtrapolation(
      {
        volume: "50 L",
        cl0: "10 L/h",
        kdeg: "0.03 1/h",
        kinact: "0.2 1/h",
        ki: "1 mg/L",
        microDose: "100 ug",
        therapeuticDose: "100 mg",
        count: 7,
        tau: "1 day",
      },
      { times: series(hours, "h") },
    );
    expect(q.aucTherapeutic.formatUnits()).toBe("(mg h) / L");
    for (const k of ["aucMicro", "aucTherapeutic", "aucLinearPrediction"] as const)
      expect(rel(q[k].toNumber("mg*h/L"), numbers[k])).toBeLessThanOrEqual(1e-12);
    for (const k of ["ratio", "minEnzymeMicro", "minEnzymeTherapeutic"] as const)
      expect(rel(q[k], numbers[k])).toBeLessThanOrEqual(1e-12);
  });

  it("unusual units: ug/mL, mL/min, per day, a grid in minutes (AUCs then in conc · min)", () => {
    const q = mechanismBasedInhibitionExtrapolation(
      {
        volume: "50000 mL",
        cl0: `${10000 / 60} mL/min`,
        kdeg: `${0.03 * 24} 1/day`,
        kinact: "0.2 1/h",
        ki: "1 ug/mL",
        microDose: "0.1 mg",
        therapeuticDose: "100 mg",
        count: 7,
        tau: "1440 min",
      },
      {
        times: series(
          hours.map((h) => 60 * h),
          "min",
        ),
      },
    );
    expect(q.aucTherapeutic.formatUnits()).toBe("(mg min) / mL");
    for (const k of ["aucMicro", "aucTherapeutic", "aucLinearPrediction"] as const)
      expect(rel(q[k].toNumber("mg*h/L"), numbers[k])).toBeLessThanOrEqual(1e-10);
    expect(rel(q.ratio, numbers.ratio)).toBeLessThanOrEqual(1e-10);
  });

  it("wrong dimensions and mixing are refused", () => {
    const good = {
      volume: "50 L",
      cl0: "10 L/h",
      kdeg: "0.03 1/h",
      kinact: "0.2 1/h",
      ki: "1 mg/L",
      microDose: "100 ug",
      therapeuticDose: "100 mg",
    };
    const grid = { times: series(hours, "h") };
    expect(() => mechanismBasedInhibitionExtrapolation({ ...good, cl0: "10 L" }, grid)).toThrow(
      'mechanismBasedInhibitionExtrapolation: input.cl0 expected a clearance (volume per time) (e.g. "10 L/h"); received 10 L',
    );
    expect(() => mechanismBasedInhibitionExtrapolation({ ...good, microDose: "3 nmol" }, grid)).toThrow(
      'mechanismBasedInhibitionExtrapolation: microDose expected a mass (e.g. "100 ug"), as the other inputs are masses; received 3 nmol',
    );
    expect(() => mechanismBasedInhibitionExtrapolation(good, { times: hours } as never)).toThrow(
      'mechanismBasedInhibitionExtrapolation: grid.times must carry units like the other inputs, e.g. series([0, 1, 2], "h")',
    );
    expect(() =>
      mechanismBasedInhibitionExtrapolation(
        // A number call's input with a grid with units: the mixing error, not a silent unit.
        { ...model, microDose: 0.1, therapeuticDose: 100 } as never,
        { times: series(hours, "h") },
      ),
    ).toThrow(
      'mechanismBasedInhibitionExtrapolation: therapeuticDose must carry a unit like the other inputs, e.g. "100 ug"',
    );
  });
});

describe("predictivity with units", () => {
  const predicted = [10, 30, 100, 0.5];
  const observed = [12, 10, 90, 1];
  const numbers = predictivity(predicted, observed);

  it("series in one unit give the number call's result exactly; observed in another unit is read in predicted's", () => {
    expect(predictivity(series(predicted, "ng*h/mL"), series(observed, "ng*h/mL"))).toEqual(numbers);
    const mixed = predictivity(
      predicted.map((p) => `${p} pg*h/mL`),
      series(
        observed.map((o) => o / 1000),
        "ng*h/mL",
      ),
    );
    for (let i = 0; i < predicted.length; i++)
      expect(rel(mixed.foldErrors[i], numbers.foldErrors[i])).toBeLessThanOrEqual(1e-12);
    expect(rel(mixed.absoluteAverageFoldError, numbers.absoluteAverageFoldError)).toBeLessThanOrEqual(1e-12);
    expect(mixed.withinCount).toBe(numbers.withinCount);
  });

  it("wrong dimension and mixing are refused", () => {
    expect(() => predictivity(series(predicted, "ng*h/mL"), series(observed, "L/h"))).toThrow(
      "predictivity: observed must have the dimension of predicted ((ng h) / mL); received L / h",
    );
    expect(() => predictivity(series(predicted, "L/h"), observed as never)).toThrow(
      'predictivity: observed must carry units like the other inputs, e.g. series([10, 30], "ng*h/mL") (or give every input as plain numbers)',
    );
  });
});
