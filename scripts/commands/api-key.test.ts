// The curl command that `api-key create` prints must be one the HTTP API accepts as written: the request
// boundary is given exactly the method, path and headers that curl would send for it.
import { describe, expect, it } from "vitest";
import { parseServerEnv } from "@/server/env.mjs";
import { checkHost, originPolicyFromEnv } from "@/server/http/origin-policy";
import { checkMutation } from "@/server/http/request-guard";
import { curlExample } from "./api-key";

/** The request curl sends for a command line of the shape curlExample prints (-X, -H, -d; form type when -d has no -H). */
function curlRequest(command: string) {
  const words = [...command.replace("<flow id>", "flow1").matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2] ?? match[3]!);
  let method = "GET";
  let url = "";
  const headers = new Headers();
  for (let index = 1; index < words.length; index++) {
    const word = words[index]!;
    if (word === "-X") method = words[++index]!;
    else if (word === "-H") {
      const [name, ...value] = words[++index]!.split(":");
      headers.set(name!.trim(), value.join(":").trim());
    } else if (word === "-d") {
      const body = words[++index]!;
      if (method === "GET") method = "POST";
      if (!headers.has("content-type")) headers.set("content-type", "application/x-www-form-urlencoded");
      headers.set("content-length", String(Buffer.byteLength(body)));
    } else url = word;
  }
  const parsed = new URL(url);
  headers.set("host", parsed.host);
  return { method, pathname: parsed.pathname, headers };
}

describe("curlExample", () => {
  it("is a JSON POST to a flow's run route that the request boundary lets through", () => {
    const policy = originPolicyFromEnv(parseServerEnv({}));
    const request = curlRequest(curlExample("osm_abc", "http://localhost:3000"));
    expect(request.method).toBe("POST");
    expect(request.pathname).toBe("/api/v1/flows/flow1/run");
    expect(request.headers.get("authorization")).toBe("Bearer osm_abc");
    expect(checkHost(policy, request.headers)).toBeNull();
    expect(checkMutation(policy, request)).toBeNull();
  });

  it("names the origin it is given", () => {
    expect(curlRequest(curlExample("k", "https://studio.example.com")).headers.get("host")).toBe("studio.example.com");
  });
});
