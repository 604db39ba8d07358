import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { contrastRatio, parseHexColour, themeVariables } from "./colour-contrast";

const root = join(__dirname, "..", "..");
const theme = (file: string) => themeVariables(readFileSync(join(root, file), "utf8"));

describe("contrastRatio", () => {
  it("is 21 for black on white and 1 for a colour on itself, in either order", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#fff", "#000")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#777777")).toBe(1);
  });

  it("matches the WCAG figure for a known pair", () => {
    // #767676 on white is the classic 4.54:1 grey.
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
  });

  it("refuses a value that is not a hex colour, naming it", () => {
    expect(() => parseHexColour("rgb(0 0 0)")).toThrow(/"rgb\(0 0 0\)" is not a #rgb or #rrggbb colour/);
  });
});

describe("themeVariables", () => {
  it("reads light :root blocks and dark media :root blocks apart, later declarations winning", () => {
    const css = ":root { --a: #111; --b: #222; }\n/* :root { --a: #999; } */\n@media (prefers-color-scheme: dark) {\n  :root { --a: #eee; }\n}\n:root { --b: #333 }";
    expect(themeVariables(css)).toEqual({ light: { "--a": "#111", "--b": "#333" }, dark: { "--a": "#eee" } });
  });
});

describe("canvas colours of both themes", () => {
  const globals = theme("app/globals.css");
  const canvas = theme("components/canvas/canvas.css");
  const themes = {
    light: { ...globals.light, ...canvas.light },
    dark: { ...globals.light, ...canvas.light, ...globals.dark, ...canvas.dark },
  };
  const ports = ["--port-text", "--port-data", "--port-model", "--port-tool", "--port-agent"];

  for (const [name, values] of Object.entries(themes)) {
    const colour = (variable: string) => {
      const value = values[variable];
      if (!value) throw new Error(`${variable} is not defined in the ${name} theme`);
      return value;
    };

    it(`${name}: edges contrast at least 3:1 with the canvas background`, () => {
      expect(contrastRatio(colour("--edge"), colour("--bg"))).toBeGreaterThanOrEqual(3);
    });

    it(`${name}: every port handle contrasts at least 3:1 with the canvas and with the node face`, () => {
      for (const port of ports) {
        expect({ port, onCanvas: contrastRatio(colour(port), colour("--bg")) >= 3 }).toEqual({ port, onCanvas: true });
        expect({ port, onFace: contrastRatio(colour(port), colour("--surface")) >= 3 }).toEqual({ port, onFace: true });
      }
    });
  }
});
