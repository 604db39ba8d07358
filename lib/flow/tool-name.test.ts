import { describe, expect, it } from "vitest";
import { toToolName } from "./tool-name";

describe("toToolName", () => {
  it("maps display names onto the providers' tool-name rule", () => {
    expect(toToolName("Research agent")).toBe("Research_agent");
    expect(toToolName("Café crème (FR)")).toBe("Cafe_creme_FR");
    expect(toToolName("  web-search  ")).toBe("web-search");
    expect(toToolName("Überprüfer: Fakten & Zahlen!")).toBe("Uberprufer_Fakten_Zahlen");
  });

  it("falls back when nothing usable is left, and caps the length at 64", () => {
    expect(toToolName("研究", "agent")).toBe("agent");
    expect(toToolName("!!!")).toBe("tool");
    const long = toToolName("word ".repeat(40));
    expect(long).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(long.length).toBe(64);
  });
});
