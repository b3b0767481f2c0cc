import { axisTitle } from "./theme";

/**
 * A quantitative log axis, titled the course's way: "Dose, log scale (mg)", so a reader is
 * told the axis is logarithmic before misreading equal steps as equal differences.
 * @param field the rows' field plotted on the axis
 * @param quantity what is plotted, e.g. "Dose"
 * @param unit the unit of the plotted numbers
 * @param domain a fixed [low, high] (what-if charts, whose data vega computes)
 */
export function logAxis(field: string, quantity: string, unit: string, domain?: readonly [number, number]) {
  return {
    field,
    type: "quantitative" as const,
    title: axisTitle(`${quantity}, log scale`, unit),
    scale: domain ? { type: "log" as const, domain: [...domain] } : { type: "log" as const },
  };
}

/** An axis of fractions (occupancy), fixed at 0–1 and labelled in percent. */
export function percentAxis(field: string, quantity: string) {
  return {
    field,
    type: "quantitative" as const,
    title: axisTitle(quantity, "%"),
    axis: { format: ".0%" },
    scale: { domain: [0, 1] },
  };
}
