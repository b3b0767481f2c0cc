import type { Random } from "../../core/random";

/**
 * What varies in each varied exercise: its parameters, their published default values (the
 * numbers of the printed course, so a student without an id sees exactly today's exercise and
 * today's answer hashes), and the seeded distribution each student's values are drawn from.
 * Student-safe on purpose: the distributions are no secret (a student can see their own
 * numbers anyway); the reference formulas stay with the instructor.
 *
 * Ranges are chosen so that every public range check and every scale hint of the exercise
 * stays true for every variant (e.g. D_min < 10 mg keeps "the lesser of D_min/100 and 100 µg"
 * on the D_min/100 side, as in the default).
 */
export interface VariantSpec {
  /** The published numbers (the default variant), by parameter name. */
  readonly defaults: Readonly<Record<string, number>>;
  /** One student's values, drawn from that student's seeded stream; `inherited` holds the values of `inherits`. */
  draw(rng: Random, inherited: Readonly<Record<string, number>>): Record<string, number>;
  /** How each parameter reads in feedback, "{}" standing for the value: { dMinMg: "D_min = {} mg" }. */
  readonly show: Readonly<Record<string, string>>;
  /** The distribution in words, for the instructor's `npm run variants -- show`. */
  readonly distribution: string;
  /** Another exercise whose values this one shares (ex-3.8 continues ex-3.7). */
  readonly inherits?: string;
}

/** x to n significant figures (lab-like numbers that print plainly). */
const sig = (x: number, n: number): number => Number(x.toPrecision(n));
const between = (rng: Random, lo: number, hi: number): number => lo + rng.uniform() * (hi - lo);
/** A multiple of `step` between lo and hi inclusive. */
const stepped = (rng: Random, lo: number, hi: number, step: number): number =>
  sig(step * rng.integer(Math.round(lo / step), Math.round(hi / step)), 12);

/**
 * ex-3.5's target precisions [%]: tenths in [2.1, 4.9] where 1/p² is not a whole count (2.5 %
 * gives exactly 1600, which floating point may put a hair on either side: the ceiling would
 * depend on how the student writes the division).
 */
const RSD_PERCENTS = Array.from({ length: 29 }, (_, i) => (21 + i) / 10).filter((p) => {
  const n = 1e4 / (p * p);
  return Math.abs(n - Math.round(n)) > 1e-6;
});

/** ex-5.10's ten published tablet contents [ng] (labelled 2.0 µg), one parameter each: tablet1Ng … tablet10Ng. */
const PUBLISHED_TABLETS_NG = [1910, 2050, 1985, 2120, 1875, 2010, 1960, 2095, 1930, 2040];

/** Tablet contents [ng] as parameters, in order: { tablet1Ng: …, …, tablet10Ng: … } (catalog/data.ts reads them back). */
const tabletParams = (contentsNg: readonly number[]): Record<string, number> =>
  Object.fromEntries(contentsNg.map((c, i) => [`tablet${i + 1}Ng`, c]));

export const VARIANT_SPECS: Readonly<Record<string, VariantSpec>> = {
  "ex-1.1": {
    defaults: { therapeuticMg: 250 },
    draw: (rng) => ({ therapeuticMg: stepped(rng, 50, 600, 10) }),
    show: { therapeuticMg: "therapeutic dose = {} mg" },
    distribution: "therapeutic dose: a multiple of 10 mg in [50, 600] mg, uniform; microdose fixed at 100 µg",
  },
  "ex-1.2": {
    defaults: { molecularWeight: 350 },
    draw: (rng) => ({ molecularWeight: stepped(rng, 200, 650, 10) }),
    show: { molecularWeight: "MW = {} g/mol" },
    distribution: "MW: a multiple of 10 g/mol in [200, 650], uniform; dose fixed at 100 µg",
  },
  "ex-2.1": {
    defaults: { dMinMg: 4.5 },
    draw: (rng) => ({ dMinMg: sig(between(rng, 1.5, 9.5), 2) }),
    show: { dMinMg: "D_min = {} mg" },
    distribution: "D_min: uniform on [1.5, 9.5] mg, 2 significant figures (below 10 mg, so D_min/100 < 100 µg)",
  },
  "ex-2.2": {
    defaults: { dMinMg: 6 },
    draw: (rng) => ({ dMinMg: sig(between(rng, 3.5, 9.5), 2) }),
    show: { dMinMg: "D_min = {} mg" },
    distribution: "D_min: uniform on [3.5, 9.5] mg, 2 significant figures; F fixed at 0.3 (the hints scale by it)",
  },
  "ex-2.4": {
    defaults: { kdNm: 3, totalNm: 60 },
    draw: (rng) => ({ kdNm: sig(between(rng, 1, 9), 2), totalNm: stepped(rng, 20, 150, 5) }),
    show: { kdNm: "K_d = {} nM", totalNm: "peak total concentration = {} nM" },
    distribution: "K_d uniform on [1, 9] nM (2 s.f.); total peak a multiple of 5 nM in [20, 150]; f_u fixed at 0.08",
  },
  "ex-2.5": {
    defaults: { totalNgPerMl: 0.12, kdNm: 5 },
    draw: (rng) => ({ totalNgPerMl: sig(between(rng, 0.05, 0.5), 2), kdNm: rng.integer(2, 9) }),
    show: { totalNgPerMl: "peak total concentration = {} ng/mL", kdNm: "K_d = {} nM" },
    distribution:
      "total peak uniform on [0.05, 0.5] ng/mL (2 s.f.); K_d an integer in [2, 9] nM; MW 450, f_u 0.1 fixed",
  },
  "ex-2.7": {
    defaults: { doseMg: 120, volumeL: 42 },
    draw: (rng) => ({ doseMg: stepped(rng, 80, 200, 10), volumeL: rng.integer(35, 60) }),
    show: { doseMg: "therapeutic dose = {} mg", volumeL: "V = {} L" },
    distribution:
      "dose a multiple of 10 mg in [80, 200]; V an integer in [35, 60] L; K_m 0.8 mg/L, V_max 0.45 mg/L/h fixed",
  },
  "ex-2.8": {
    defaults: { volumeL: 80, beta: 0.15 },
    draw: (rng) => {
      const volumeL = stepped(rng, 50, 120, 5);
      // time scales as V/CL and 1/β, so the ratio follows V·β: within 2 % of the published 12 L/h it is (nearly) the
      // published answer, and β is drawn again (copying must not pass; other draws are unchanged)
      let beta: number;
      do beta = sig(between(rng, 0.06, 0.3), 2);
      while (Math.abs(volumeL * beta - 12) < 0.24);
      return { volumeL, beta };
    },
    show: { volumeL: "V = {} L", beta: "β = {} 1/h" },
    distribution:
      "V a multiple of 5 L in [50, 120]; β uniform on [0.06, 0.3] 1/h (2 s.f.), V·β not within 2 % of the published 12 L/h; CL0 16, CL_ss 6 L/h fixed",
  },
  "ex-3.1": {
    defaults: { doseUg: 75, aucNgHPerMl: 2.4 },
    draw: (rng) => ({ doseUg: stepped(rng, 30, 100, 5), aucNgHPerMl: sig(between(rng, 0.8, 6), 2) }),
    show: { doseUg: "dose = {} µg", aucNgHPerMl: "AUC = {} ng·h/mL" },
    distribution: "dose a multiple of 5 µg in [30, 100]; AUC uniform on [0.8, 6] ng·h/mL (2 s.f.)",
  },
  "ex-3.3": {
    defaults: { aucPoNgHPerMl: 1350, aucIvNgHPerMl: 4.8 },
    draw: (rng) => {
      const aucIvNgHPerMl = sig(between(rng, 3, 8), 2);
      // F = AUC_po / (500 · AUC_iv) for 50 mg oral and 100 µg IV: aim F in [0.15, 0.85]
      return { aucIvNgHPerMl, aucPoNgHPerMl: sig(between(rng, 0.15, 0.85) * 500 * aucIvNgHPerMl, 3) };
    },
    show: { aucPoNgHPerMl: "AUC_po = {} ng·h/mL", aucIvNgHPerMl: "AUC_iv = {} ng·h/mL" },
    distribution:
      "AUC_iv uniform on [3, 8] ng·h/mL (2 s.f.); AUC_po = F·500·AUC_iv with F uniform on [0.15, 0.85] (3 s.f.)",
  },
  "ex-3.5": {
    defaults: { rsdPercent: 3 },
    draw: (rng) => ({ rsdPercent: RSD_PERCENTS[rng.integer(0, RSD_PERCENTS.length - 1)] }),
    show: { rsdPercent: "target precision = {} %" },
    // the export keeps its published name, ex3_5_countsFor3Percent: renaming it would break every answers file already written
    distribution:
      "target relative SD a tenth of a percent in [2.1, 4.9] %, uniform, skipping 2.5 and 4.0 % (1/p² a whole count); the mistake hints name the published 3 % and fire for it only",
  },
  "ex-3.6": {
    defaults: { concPgPerMl: 0.5, molecularWeight: 350 },
    draw: (rng) => ({ concPgPerMl: sig(between(rng, 0.1, 2), 2), molecularWeight: stepped(rng, 250, 600, 10) }),
    show: { concPgPerMl: "concentration = {} pg/mL", molecularWeight: "MW = {} g/mol" },
    distribution: "concentration uniform on [0.1, 2] pg/mL (2 s.f.); MW a multiple of 10 in [250, 600] g/mol",
  },
  "ex-3.7": {
    defaults: { volumeL: 150, halfLifeH: 6 },
    draw: (rng) => {
      const volumeL = stepped(rng, 80, 250, 10);
      // ex-3.8 inherits t½ and depends on it alone: the published 6 h is drawn again (other draws are unchanged)
      let halfLifeH: number;
      do halfLifeH = sig(between(rng, 3, 12), 2);
      while (halfLifeH === 6);
      return { volumeL, halfLifeH };
    },
    show: { volumeL: "V = {} L", halfLifeH: "t½ = {} h" },
    distribution:
      "V a multiple of 10 L in [80, 250]; t½ uniform on [3, 12] h (2 s.f.), never the published 6 h (ex-3.8 depends on t½ alone); dose 100 µg, LLOQ 5 pg/mL fixed",
  },
  "ex-3.8": {
    defaults: { volumeL: 150, halfLifeH: 6 },
    draw: (_rng, inherited) => ({ ...inherited }),
    show: { halfLifeH: "t½ = {} h (from ex-3.7)" },
    distribution: "the values of ex-3.7 (same microdose); AMS LOQ 0.02 pg/mL fixed",
    inherits: "ex-3.7",
  },
  "ex-4.2": {
    defaults: { kdNm: 2, halfLifeH: 10, volumeL: 120, molecularWeight: 380 },
    draw: (rng) => ({
      kdNm: sig(between(rng, 0.5, 5), 2),
      halfLifeH: sig(between(rng, 6, 20), 2),
      volumeL: stepped(rng, 60, 200, 10),
      molecularWeight: stepped(rng, 250, 550, 10),
    }),
    show: { kdNm: "K_d = {} nM", halfLifeH: "t½ = {} h", volumeL: "V = {} L", molecularWeight: "MW = {} g/mol" },
    distribution:
      "K_d uniform on [0.5, 5] nM, t½ on [6, 20] h (2 s.f.); V a multiple of 10 L in [60, 200]; MW a multiple of 10 in [250, 550]; occupancy 90 %, F 0.6, f_u 0.05 fixed (the hints scale by F and f_u)",
  },
  "ex-4.5": {
    defaults: { activityNci: 40 },
    draw: (rng) => ({ activityNci: stepped(rng, 20, 150, 5) }),
    show: { activityNci: "activity = {} nCi" },
    distribution: "activity a multiple of 5 nCi in [20, 150]; dose coefficient 5.8e-10 Sv/Bq fixed",
  },
  "ex-4.6": {
    defaults: { activityNci: 40 },
    draw: (_rng, inherited) => ({ ...inherited }),
    show: { activityNci: "activity = {} nCi (from ex-4.5)" },
    distribution: "the activity of ex-4.5",
    inherits: "ex-4.5",
  },
  "ex-4.7": {
    defaults: { volunteers: 12, failProbability: 0.35, phase1Volunteers: 64 },
    draw: (rng) => ({
      volunteers: rng.integer(6, 24),
      failProbability: sig(between(rng, 0.15, 0.6), 2),
      phase1Volunteers: stepped(rng, 30, 120, 2),
    }),
    show: {
      volunteers: "Phase 0 volunteers = {}",
      failProbability: "probability of stopping = {}",
      phase1Volunteers: "Phase I volunteers = {}",
    },
    distribution:
      "Phase 0 volunteers an integer in [6, 24]; stop probability uniform on [0.15, 0.6] (2 s.f.); Phase I volunteers even in [30, 120]; SAE risks fixed",
  },
  "ex-5.1": {
    defaults: { clLPerH: 18, volumeL: 120, ka: 1.2, f: 0.42 },
    draw: (rng) => ({
      clLPerH: sig(between(rng, 10, 28), 2),
      volumeL: stepped(rng, 80, 160, 10),
      ka: sig(between(rng, 0.8, 2.5), 2),
      f: sig(between(rng, 0.2, 0.9), 2),
    }),
    // the simulated subject's parameters ARE the answer's ingredients: the student sees only the data
    show: {},
    distribution:
      'a simulated subject: CL uniform on [10, 28] L/h, ka on [0.8, 2.5] 1/h, F on [0.2, 0.9] (2 s.f.), V a multiple of 10 L in [80, 160]; profiles rounded to 3 s.f. (exerciseData("ex-5.1"))',
  },
  "ex-5.2": {
    defaults: { bpBaseline: 2.35, bpDrug: 0.82 },
    draw: (rng) => {
      const bpBaseline = sig(between(rng, 1.5, 4), 3);
      return { bpBaseline, bpDrug: sig(bpBaseline * between(rng, 0.1, 0.8), 2) };
    },
    show: { bpBaseline: "BP_ND baseline = {}", bpDrug: "BP_ND after the drug = {}" },
    distribution: "baseline BP_ND uniform on [1.5, 4] (3 s.f.); after the drug baseline × uniform [0.1, 0.8] (2 s.f.)",
  },
  "ex-5.4": {
    defaults: { aucAloneNgHPerMl: 1.85 },
    draw: (rng) => ({ aucAloneNgHPerMl: sig(between(rng, 1.2, 3.5), 3) }),
    show: { aucAloneNgHPerMl: "AUC alone = {} ng·h/mL" },
    distribution: "AUC alone uniform on [1.2, 3.5] ng·h/mL (3 s.f.); AUC with ketoconazole fixed at 14 200 pg·h/mL",
  },
  "ex-5.6": {
    defaults: { urineDpm: 98400, faecesDpm: 83100 },
    draw: (rng) => {
      // 3.7 kBq = 222 000 dpm administered: recover 70–97 % of it, split between urine and faeces. The answer follows
      // the total alone: a total within 1 point of the published 81.76 % is drawn again (copying must not pass).
      let recovered: number;
      do recovered = between(rng, 0.7, 0.97);
      while (Math.abs(recovered - 181500 / 222000) < 0.01);
      const recoveredDpm = recovered * 3700 * 60;
      const urineShare = between(rng, 0.3, 0.7);
      return {
        urineDpm: 100 * Math.round((recoveredDpm * urineShare) / 100),
        faecesDpm: 100 * Math.round((recoveredDpm * (1 - urineShare)) / 100),
      };
    },
    show: { urineDpm: "urine = {} dpm", faecesDpm: "faeces = {} dpm" },
    distribution:
      "recovery uniform on [70, 97] % of 3.7 kBq (fixed: the hints name it), urine's share uniform on [0.3, 0.7]; each count rounded to 100 dpm",
  },
  "ex-5.7": {
    defaults: { totalAucNgEqHPerMl: 52, m1AucNgHPerMl: 19 },
    draw: (rng) => ({ totalAucNgEqHPerMl: rng.integer(30, 80), m1AucNgHPerMl: rng.integer(5, 25) }),
    show: { totalAucNgEqHPerMl: "total ¹⁴C AUC = {} ng-eq·h/mL", m1AucNgHPerMl: "M1 AUC = {} ng·h/mL" },
    distribution:
      "total AUC an integer in [30, 80] ng-eq·h/mL; M1 AUC an integer in [5, 25] ng·h/mL; MWs 426 and 482 fixed (the hints name them)",
  },
  "ex-5.10": {
    defaults: tabletParams(PUBLISHED_TABLETS_NG),
    draw: (rng) => {
      // a batch centred within ±5 % of the claim with a 1.5–5 % spread: AV stays far below 100 (the "above 100" hint)
      const meanPercent = between(rng, 95, 105);
      const sdPercent = between(rng, 1.5, 5);
      return tabletParams(
        PUBLISHED_TABLETS_NG.map(() => 5 * Math.round((20 * rng.normal(meanPercent, sdPercent)) / 5)),
      );
    },
    // the contents are the data set (exerciseData("ex-5.10")), ten numbers: feedback names the data set
    show: {},
    distribution:
      'ten contents [ng] of 2.0 µg tablets: mean uniform on [95, 105] % of the claim, SD uniform on [1.5, 5] %, normal, rounded to 5 ng (exerciseData("ex-5.10"))',
  },
  "ex-5.11": {
    defaults: { aPgPerMl: 3100, alpha: 2.2, bPgPerMl: 420, beta: 0.075 },
    draw: (rng) => ({
      aPgPerMl: stepped(rng, 1500, 5000, 100),
      alpha: sig(between(rng, 1.2, 3.5), 2),
      bPgPerMl: stepped(rng, 200, 900, 10),
      beta: sig(between(rng, 0.04, 0.15), 2),
    }),
    show: { aPgPerMl: "A = {} pg/mL", alpha: "α = {} 1/h", bPgPerMl: "B = {} pg/mL", beta: "β = {} 1/h" },
    distribution:
      "A a multiple of 100 pg/mL in [1500, 5000], B a multiple of 10 in [200, 900]; α uniform on [1.2, 3.5] 1/h, β on [0.04, 0.15] 1/h (2 s.f.; α > β keeps k12 > 0); 100 µg fixed (the hints name it)",
  },
  "ex-6.3": {
    defaults: { activeDoseMg: 50 },
    draw: (rng) => ({ activeDoseMg: stepped(rng, 20, 300, 10) }),
    show: { activeDoseMg: "active dose = {} mg" },
    distribution:
      "active dose a multiple of 10 mg in [20, 300] (below 444 mg: 1/100 of it stays under 30 nmol × MW); MW 148 000 g/mol fixed",
  },
  "ex-6.4": {
    defaults: { volumeL: 40 },
    draw: (rng) => ({ volumeL: stepped(rng, 25, 80, 5) }),
    show: { volumeL: "V = {} L" },
    distribution: "V a multiple of 5 L in [25, 80]; K_m 0.8 mg/L and the 100 µg microdose fixed",
  },
  "ex-6.6": {
    defaults: { volumeL: 60, beta: 0.05 },
    draw: (rng) => {
      const volumeL = stepped(rng, 30, 120, 5);
      // as in ex-2.8 the ratio follows V·β: within 2 % of the published 3 L/h, β is drawn again (copying must not pass)
      let beta: number;
      do beta = sig(between(rng, 0.02, 0.2), 2);
      while (Math.abs(volumeL * beta - 3) < 0.06);
      return { volumeL, beta };
    },
    show: { volumeL: "V = {} L", beta: "β = {} 1/h" },
    distribution:
      "V a multiple of 5 L in [30, 120]; β uniform on [0.02, 0.2] 1/h (2 s.f.), V·β not within 2 % of the published 3 L/h; CL0 5 and CL_ss 12 L/h fixed (the range check [CL0/CL_ss, 1] names them), 200 mg",
  },
  "ex-6.8": {
    defaults: { grossCounts: 16, blankCounts: 4 },
    draw: (rng) => {
      const blankCounts = rng.integer(2, 9);
      return { grossCounts: blankCounts + rng.integer(6, 30), blankCounts };
    },
    show: { grossCounts: "sample = {} counts", blankCounts: "blank = {} counts" },
    distribution: "blank an integer in [2, 9] counts; sample = blank + an integer in [6, 30]",
  },
  "ex-6.10": {
    defaults: { cmaxPgPerMl: 38, doseMg: 120 },
    draw: (rng) => ({ cmaxPgPerMl: rng.integer(15, 80), doseMg: stepped(rng, 50, 300, 10) }),
    show: { cmaxPgPerMl: "microdose C_max = {} pg/mL", doseMg: "therapeutic dose = {} mg" },
    distribution:
      "microdose C_max an integer in [15, 80] pg/mL; dose a multiple of 10 mg in [50, 300]; MW 410 g/mol fixed",
  },
  "ex-6.12": {
    defaults: { aucMicroNgHPerMl: 0.85 },
    draw: (rng) => ({ aucMicroNgHPerMl: sig(between(rng, 0.4, 1.6), 2) }),
    show: { aucMicroNgHPerMl: "microdose AUC = {} ng·h/mL" },
    distribution:
      "microdose AUC uniform on [0.4, 1.6] ng·h/mL (2 s.f.); 50 mg and the observed 1.02 µg·h/mL fixed (the hints name them)",
  },
};
