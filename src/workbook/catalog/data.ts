import { InputError } from "../../core/errors";
import { variant, variantParams, type VariantParams } from "../variants/params";
/**
 * Data sets the exercises hand to students (shown in their exercises file as well). The
 * bioavailability case study is simulated from a one-compartment model with stated
 * parameters (IV: CL 18 L/h, V 120 L; oral: ka 1.2 1/h, F 0.42) and rounded to 3 significant
 * figures, like assay results.
 */
const times = [0, 0.25, 0.5, 1, 2, 4, 6, 8, 12, 24, 48];
const r3 = (x: number) => Number(x.toPrecision(3));

/** The simulated subject behind a bioavailability study: CL [L/h], V [L], ka [1/h], F. */
export interface SubjectPk {
  clLPerH: number;
  volumeL: number;
  ka: number;
  f: number;
}

/** The two profiles of a simultaneous IV-microtracer (100 µg) / oral (20 mg) study of one subject. */
export function bioavailabilityData(p: SubjectPk) {
  const k = p.clLPerH / p.volumeL;
  return {
    /** Sampling times [h]; t = 0 of the IV profile is the back-extrapolated C0. */
    time: times,
    /** IV ¹⁴C microtracer dose [µg]. */
    doseIvUg: 100,
    /** IV microtracer plasma concentrations by AMS [pg/mL]. */
    ivConcPgPerMl: times.map((t) => r3((100e6 / (p.volumeL * 1e3)) * Math.exp(-k * t))),
    /** Oral therapeutic dose [mg]. */
    doseOralMg: 20,
    /** Oral (unlabelled) plasma concentrations by LC-MS/MS [ng/mL]. */
    oralConcNgPerMl: times.map((t) =>
      r3(((p.f * 20e3) / p.volumeL) * (p.ka / (p.ka - k)) * (Math.exp(-k * t) - Math.exp(-p.ka * t))),
    ),
  };
}

/** The published study (the default variant of ex-5.1). */
export const bioavailabilityStudy = bioavailabilityData({ clLPerH: 18, volumeL: 120, ka: 1.2, f: 0.42 });

/** Ten tablets labelled 2.0 µg: measured contents [ng], from the parameters tablet1Ng … tablet10Ng of ex-5.10. */
function tabletContentsNg(p: VariantParams): number[] {
  return Array.from({ length: 10 }, (_, i) => p[`tablet${i + 1}Ng`]);
}

/** The published tablets (the default variant of ex-5.10): measured content [ng]. */
export const microTabletContentsNg = tabletContentsNg(variantParams("ex-5.10"));

/**
 * The numbers of your variant of a varied exercise (see src/workbook/variants): import it in
 * exercises/chNN.ts beside the data (`import { variant } from "../src/workbook/catalog/data"`).
 */
export { variant } from "../variants/params";

/**
 * The data set of ex-5.1 or ex-5.10 for the current student (setStudentId / workbook.json; none:
 * the published data): `export const ex5_1_data = exerciseData("ex-5.1");` in exercises/ch05.ts.
 * @throws {InputError} for another exercise id
 */
export function exerciseData(exerciseId: "ex-5.1"): ReturnType<typeof bioavailabilityData>;
export function exerciseData(exerciseId: "ex-5.10"): number[];
export function exerciseData(exerciseId: "ex-5.1" | "ex-5.10"): ReturnType<typeof bioavailabilityData> | number[] {
  if (exerciseId === "ex-5.10") return tabletContentsNg(variant(exerciseId));
  if (exerciseId !== "ex-5.1")
    throw new InputError(
      "exerciseData",
      "exerciseId",
      'must be an exercise with a data set ("ex-5.1", "ex-5.10")',
      exerciseId,
    );
  const p = variant(exerciseId);
  return bioavailabilityData({ clLPerH: p.clLPerH, volumeL: p.volumeL, ka: p.ka, f: p.f });
}
