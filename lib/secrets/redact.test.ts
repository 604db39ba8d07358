import { describe, expect, it } from "vitest";
import { containsSecret, last4, maskSecret, redactSecrets, redactValue } from "./index";

describe("last4", () => {
  it("shows the last four characters of a long secret only", () => {
    expect(last4("sk-ant-api03-abcdefWXYZ")).toBe("WXYZ");
    expect(maskSecret("sk-ant-api03-abcdefWXYZ")).toBe("••••WXYZ");
    expect(last4("short-key")).toBe("");
  });
});

describe("redactSecrets", () => {
  const secret = 'tok"en\\with-quotes';
  it("replaces raw and JSON-escaped forms", () => {
    const text = `raw ${secret} and json ${JSON.stringify({ value: secret })}`;
    const redacted = redactSecrets(text, [secret]);
    expect(containsSecret(redacted, [secret])).toBe(false);
    expect(redacted).toContain("[redacted]");
  });

  it("redacts inside nested values", () => {
    const value = { headers: { authorization: `Bearer ${secret}` }, list: [secret, 3] };
    expect(JSON.stringify(redactValue(value, [secret]))).not.toContain("with-quotes");
  });

  it("ignores values too short to be secrets", () => {
    expect(redactSecrets("about", ["ab"])).toBe("about");
  });
});
