import type { Exercise } from "../types";
import { fillTemplate, variantParams } from "./params";

/**
 * A varied exercise's prompt in the catalog: written once as a template, `prompt` is the
 * template filled with the published defaults, so everything that shows `prompt` (notebooks,
 * stubs, the site) reads exactly as before variants existed.
 * @example varied("ex-2.1", "D_min = **{dMinMg} mg**").prompt // => "D_min = **4.5 mg**"
 * @throws {InputError} when id is not a varied exercise
 */
export function varied(id: string, template: string): { prompt: string; promptTemplate: string } {
  return { prompt: fillTemplate(template, variantParams(id)), promptTemplate: template };
}

/** The prompt of an exercise for a student (undefined or a fixed exercise: the published prompt). */
export function promptFor(ex: Exercise, studentId?: string): string {
  if (ex.promptTemplate === undefined || studentId === undefined) return ex.prompt;
  return fillTemplate(ex.promptTemplate, variantParams(ex.id, studentId));
}
