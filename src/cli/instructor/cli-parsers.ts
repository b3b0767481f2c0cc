/** Argument parsers shared by the instructor commands (commander calls them once per occurrence). */
import { InvalidArgumentError } from "commander";

/**
 * A positive integer option (`--jobs 4`): anything else is refused with the option's name, and
 * commander exits before the command runs.
 * @example positiveInt("--jobs")("4") // => 4
 */
export const positiveInt =
  (name: string) =>
  (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${name} must be a positive integer`);
    return n;
  };

/**
 * A repeatable option (`--student ada --student ben,cy`): each occurrence appended. The first
 * call receives no list (commander passes the default, undefined here), so the option stays
 * absent unless given.
 * @example repeatable("ben", repeatable("ada", undefined)) // => ["ada", "ben"]
 */
export const repeatable = (value: string, previous: readonly string[] | undefined): string[] => [
  ...(previous ?? []),
  value,
];
