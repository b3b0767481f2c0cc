import { InputError } from "../../core/errors";
import { createRandom } from "../../core/random";
import { seedFromText } from "../seeds";
import { assertStudentId } from "./id-slot";
import { VARIANT_SPECS, type VariantSpec } from "./specs";
import { currentStudentId } from "./student-id";

/**
 * Per-student variants: the numbers of a varied exercise come from a seeded stream of
 * (course seed, student id, exercise id), so the same id gives the same numbers in the
 * notebook, `npm run check`, the grader and the browser, and two ids (almost always) differ.
 * No id: the published defaults, today's exercise exactly.
 */

/**
 * The course seed: change it for a new term (then `npm run variants -- hashes` again), and every
 * student's numbers change. Public like the rest of the generator: knowing it gives a student
 * the numbers of a classmate's variant, never its answer (the formula is theirs to find).
 */
export const COURSE_SEED = "microdosing-workbook/variants/v1";

export type VariantParams = Readonly<Record<string, number>>;

/** The ids of the varied exercises, in catalog-independent order. */
export function variedExerciseIds(): string[] {
  return Object.keys(VARIANT_SPECS);
}

/** True when the exercise has per-student variants. */
export function isVaried(exerciseId: string): boolean {
  return Object.prototype.hasOwnProperty.call(VARIANT_SPECS, exerciseId);
}

function specOf(fn: string, exerciseId: unknown): VariantSpec {
  if (typeof exerciseId !== "string" || !isVaried(exerciseId))
    throw new InputError(fn, "exerciseId", `must be a varied exercise (${variedExerciseIds().join(", ")})`, exerciseId);
  return VARIANT_SPECS[exerciseId];
}

/**
 * The parameters of a varied exercise for a student (undefined: the published defaults).
 * @example variantParams("ex-2.1").dMinMg // => 4.5
 * @throws {InputError} when exerciseId is not a varied exercise or studentId is not a valid id
 */
export function variantParams(exerciseId: string, studentId?: string): VariantParams {
  const fn = "variantParams";
  const spec = specOf(fn, exerciseId);
  if (studentId === undefined) return { ...spec.defaults };
  assertStudentId(fn, "studentId", studentId);
  const inherited = spec.inherits ? variantParams(spec.inherits, studentId) : {};
  const rng = createRandom(seedFromText(`${COURSE_SEED}/${studentId}/${exerciseId}`));
  const published = JSON.stringify(spec.defaults);
  // A draw that lands on the published numbers is drawn again: copying them must never be right (an inheriting exercise inherits the redraw).
  let params = spec.draw(rng, inherited);
  for (let i = 0; i < 20 && !spec.inherits && JSON.stringify(params) === published; i++)
    params = spec.draw(rng, inherited);
  return params;
}

/**
 * The numbers of YOUR variant of an exercise (the id set by setStudentId, WORKBOOK_STUDENT_ID or
 * workbook.json; none: the published numbers). Use it in exercises/chNN.ts instead of typing the
 * numbers: `const p = variant("ex-2.1"); export const ex2_1_maxMicrodoseUg = … p.dMinMg …`.
 * @throws {InputError} when exerciseId is not a varied exercise
 */
export function variant(exerciseId: string): VariantParams {
  return variantParams(exerciseId, currentStudentId());
}

/** How a placeholder prints its number: `{name}` plain, `{name:grouped}` with its thousands spaced ("98 400", as the course prints counts). */
export type ParamFormat = "plain" | "grouped";

/**
 * A parameter as it is printed in prompts: plain decimal (the defaults print as in the course),
 * or with the digits before the point grouped by threes with a space.
 * @example formatParam(98400, "grouped") // => "98 400"
 */
export function formatParam(x: number, format: ParamFormat = "plain"): string {
  const plain = String(x);
  if (format === "plain" || !/^-?\d+(\.\d+)?$/.test(plain)) return plain;
  const [whole, fraction] = plain.split(".");
  return `${whole.replace(/\B(?=(\d{3})+$)/g, " ")}${fraction === undefined ? "" : `.${fraction}`}`;
}

/**
 * A prompt template with `{name}` (or `{name:grouped}`) placeholders filled from the parameters.
 * @throws {Error} when a placeholder names no parameter or an unknown format
 */
export function fillTemplate(template: string, params: VariantParams): string {
  return template.replace(/\{(\w+)(?::(\w+))?\}/g, (_, name: string, format: string | undefined) => {
    if (!(name in params))
      throw new Error(`prompt placeholder {${name}} names no parameter (${Object.keys(params).join(", ")})`);
    if (format !== undefined && format !== "grouped")
      throw new Error(`prompt placeholder {${name}:${format}}: the formats are "grouped" or none`);
    return formatParam(params[name], format ?? "plain");
  });
}

/** "D_min = 7.2 mg; …": a variant's numbers as feedback shows them. */
export function describeParams(exerciseId: string, params: VariantParams): string {
  const spec = specOf("describeParams", exerciseId);
  const shown = Object.entries(spec.show).map(([name, label]) => label.replace("{}", formatParam(params[name])));
  // a simulated data set shows its data, not the parameters it was simulated from
  return shown.length > 0 ? shown.join("; ") : "a data set of your own (exerciseData)";
}

/** The distribution of a varied exercise's parameters, in words (instructor tooling). */
export function describeDistribution(exerciseId: string): string {
  return specOf("describeDistribution", exerciseId).distribution;
}
