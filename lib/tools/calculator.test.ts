import { describe, expect, it } from "vitest";
import { CalculatorError, evaluateExpression } from "./calculator";

describe("calculator", () => {
  it.each([
    ["1 + 2 * 3", 7],
    ["(1 + 2) * 3", 9],
    ["-2 ^ 2", -4],
    ["2 ^ 3 ^ 2", 512],
    ["2 ** 10", 1024],
    ["10 % 4", 2],
    ["7 / 2", 3.5],
    [".5e1 + 1E-1", 5.1],
    ["--3", 3],
    ["sqrt(16) + abs(-2)", 6],
    ["round(3.14159, 2)", 3.14],
    ["max(1, 5, 3) - min(4, 2)", 3],
    ["log(1000)", 3],
    ["log(8, 2)", 3],
    ["ln(e)", 1],
    ["PI * 2 / tau", 1],
    ["floor(2.7) + ceil(2.1)", 5],
  ])("%s = %d", (expression, expected) => {
    expect(evaluateExpression(expression)).toBeCloseTo(expected, 10);
  });

  it.each([
    ["", "empty"],
    ["1 +", "ends too early"],
    ["(1 + 2", 'expected ")"'],
    ["1 2", 'unexpected "2"'],
    ["2 $ 3", 'unexpected character "$"'],
    ["foo + 1", 'unknown name "foo"'],
    ["process.exit(1)", 'unexpected character "."'],
    ["toString + 1", 'unknown name "tostring"'],
    ["constructor(1)", 'unknown function "constructor"'],
    ["sqrt(1, 2)", "takes 1 arguments"],
    ["1 / 0", "not a finite number"],
    ["(".repeat(100) + "1" + ")".repeat(100), "nested too deeply"],
    ["1+".repeat(600) + "1", "longer than 1000"],
  ])("rejects %j with a readable message", (expression, message) => {
    expect(() => evaluateExpression(expression)).toThrow(CalculatorError);
    expect(() => evaluateExpression(expression)).toThrow(message);
  });

  it("never evaluates code", async () => {
    const source = await import("node:fs").then((fs) => fs.readFileSync(new URL("./calculator.ts", import.meta.url), "utf8"));
    expect(source).not.toMatch(/\beval\(|new Function|Function\(/);
  });
});
