// Importing an exported flow file, shared by the canvas toolbar and the home page: the file is parsed here and
// checked by the server, so an invalid one is refused with the server's reason and creates nothing.
import { errorMessageOf } from "./trpc-errors.ts";

/** What an import came to: the new flow's id, or a sentence saying why there is none. */
export type FlowImportOutcome = { flowId: string } | { message: string };

/** Reads `file` as JSON and hands it to `importDocument` (the `flow.import` mutation). Never throws. */
export async function importFlowFile(file: File, importDocument: (document: never) => Promise<{ id: string }>): Promise<FlowImportOutcome> {
  let document: unknown;
  try {
    document = JSON.parse(await file.text());
  } catch {
    return { message: `Import failed: ${file.name} is not a JSON file.` };
  }
  try {
    return { flowId: (await importDocument(document as never)).id };
  } catch (error) {
    return { message: `Import failed: ${errorMessageOf(error)}` };
  }
}
