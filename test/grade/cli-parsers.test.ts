// The instructor commands' shared argument parsers, through commander as the commands use them.
import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { positiveInt, repeatable } from "../../src/cli/instructor/cli-parsers";

const parse = (args: string[]) =>
  new Command()
    .exitOverride()
    .configureOutput({ writeErr: () => undefined })
    .option("--student <ids>", "repeatable", repeatable)
    .option("--jobs <n>", "positive", positiveInt("--jobs"))
    .parse(args, { from: "user" })
    .opts<{ student?: string[]; jobs?: number }>();

describe("repeatable", () => {
  it("collects every occurrence, the first one included (it used to throw: acc is not iterable)", () =>
    expect(parse(["--student", "ada", "--student", "ben,cy"]).student).toEqual(["ada", "ben,cy"]));
  it("leaves an option that is not given absent", () => expect(parse([]).student).toBeUndefined());
});

describe("positiveInt", () => {
  it("reads a positive integer", () => expect(parse(["--jobs", "3"]).jobs).toBe(3));
  it.each(["0", "-2", "1.5", "x", ""])("refuses %j naming the option", (v) =>
    expect(() => parse(["--jobs", v])).toThrow(/--jobs must be a positive integer/),
  );
});
