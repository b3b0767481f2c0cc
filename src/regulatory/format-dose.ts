import { math } from "../core/units";

/** A mass in ug rendered for a sentence, switching to mg at 1000 ug: 200 → "200 ug", 4500 → "4.5 mg". */
export function formatUg(ug: number): string {
  const shown = ug >= 1000 ? math.unit(ug / 1000, "mg") : math.unit(ug, "ug");
  return math.format(shown, { precision: 4 });
}
