/**
 * Data sets the exercises hand to students (shown in their exercises file as well). The
 * bioavailability case study is simulated from a one-compartment model with stated
 * parameters (IV: CL 18 L/h, V 120 L; oral: ka 1.2 1/h, F 0.42) and rounded to 3 significant
 * figures, like assay results.
 */
const times = [0, 0.25, 0.5, 1, 2, 4, 6, 8, 12, 24, 48];
const k = 18 / 120;
const r3 = (x: number) => Number(x.toPrecision(3));

export const bioavailabilityStudy = {
  /** Sampling times [h]; t = 0 of the IV profile is the back-extrapolated C0. */
  time: times,
  /** IV ¹⁴C microtracer dose [µg]. */
  doseIvUg: 100,
  /** IV microtracer plasma concentrations by AMS [pg/mL]. */
  ivConcPgPerMl: times.map((t) => r3((100e6 / 120e3) * Math.exp(-k * t))),
  /** Oral therapeutic dose [mg]. */
  doseOralMg: 20,
  /** Oral (unlabelled) plasma concentrations by LC-MS/MS [ng/mL]. */
  oralConcNgPerMl: times.map((t) =>
    r3(((0.42 * 20e3) / 120) * (1.2 / (1.2 - k)) * (Math.exp(-k * t) - Math.exp(-1.2 * t))),
  ),
};

/** Ten tablets labelled 2.0 µg: measured content [ng]. */
export const microTabletContentsNg = [1910, 2050, 1985, 2120, 1875, 2010, 1960, 2095, 1930, 2040];
