import { describe, expect, it } from "vitest";
import { importFlowFile } from "./import-flow-file";

const file = (name: string, text: string) => new File([text], name, { type: "application/json" });

describe("importing a flow file", () => {
  it("hands the parsed document to the import and answers the new flow's id", async () => {
    const received: unknown[] = [];
    const outcome = await importFlowFile(file("brief.osmen.json", '{"format":"osmen-flow"}'), async (document) => (received.push(document), { id: "flow-1" }));
    expect(outcome).toEqual({ flowId: "flow-1" });
    expect(received).toEqual([{ format: "osmen-flow" }]);
  });

  it("refuses a file that is not JSON without calling the server", async () => {
    let calls = 0;
    const outcome = await importFlowFile(file("notes.txt", "not json"), async () => (calls++, { id: "x" }));
    expect(outcome).toEqual({ message: "Import failed: notes.txt is not a JSON file." });
    expect(calls).toBe(0);
  });

  it("passes the server's reason on", async () => {
    const outcome = await importFlowFile(file("old.json", "{}"), async () => {
      throw Object.assign(new Error('format must be "osmen-flow"'), { data: { code: "BAD_REQUEST" } });
    });
    expect(outcome).toEqual({ message: 'Import failed: format must be "osmen-flow"' });
  });
});
