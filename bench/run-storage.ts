// What a run leaves in the database, read from the bench server's SQLite file (read-only):
// (1) rows stored for a chat run whose model streams 1,000 chunks, and whether replaying the run over
//     GET /api/v1/runs/{id}/events gives back exactly the 1,000 chunks joined;
// (2) bytes stored for one run of the three-perspectives template.
// Every table with a `runId` column counts (RunEvent today), so storage moved to another table still counts.
import Database from "better-sqlite3";
import { chatGraph } from "@/testing/flow-graphs";
import { replayRun, runOverApi, sseEvents } from "./api-client.ts";
import { agentReply, createFlow, threePerspectivesGraph, type RunBench } from "./run-fixtures.ts";
import { measuring, report } from "./report.ts";
import { runTargets } from "./targets.ts";

const ANSWER_CHUNKS = 1000;
/** A fast local model: 200 chunks per second, so storage that batches by time is measured at a realistic pace. */
const ANSWER_CHUNK_DELAY_MS = 5;

type Column = { name: string };
type Stored = { rows: number; bytes: number; byTable: string[] };

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
/** Bytes of a row's columns as stored: text and blobs by their byte length, numbers by their text. */
const rowBytes = (columns: Column[]) => columns.map((column) => `ifnull(length(CAST(${quote(column.name)} AS BLOB)), 0)`).join(" + ");

/** The rows and bytes that refer to a run (tables with a runId column), plus its Run row when `withRunRow`. */
function storedFor(databaseFile: string, runId: string, withRunRow: boolean): Stored {
  const database = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    const tables = database.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    const stored: Stored = { rows: 0, bytes: 0, byTable: [] };
    for (const { name } of tables) {
      const columns = database.prepare(`PRAGMA table_info(${quote(name)})`).all() as Column[];
      const key = name === "Run" && withRunRow ? "id" : columns.some((column) => column.name === "runId") ? "runId" : undefined;
      if (!key) continue;
      const { rows, bytes } = database
        .prepare(`SELECT count(*) AS rows, ifnull(sum(${rowBytes(columns)}), 0) AS bytes FROM ${quote(name)} WHERE ${quote(key)} = ?`)
        .get(runId) as { rows: number; bytes: number };
      if (name !== "Run") stored.rows += rows;
      stored.bytes += bytes;
      stored.byTable.push(`${name}: ${rows} rows, ${bytes} B`);
    }
    return stored;
  } finally {
    database.close();
  }
}

/** The answer's text as a replay from the start delivers it: the llm node's `node.delta`s joined. */
async function replayedAnswer(bench: RunBench, runId: string): Promise<string> {
  let text = "";
  for await (const { event, data } of sseEvents(await replayRun(bench.server.base, bench.apiKey, runId))) {
    if (event === "node.delta" && data.nodeId === "llm") text += data.text ?? "";
    if (event.startsWith("run.") && event !== "run.started") break;
  }
  return text;
}

async function measureLongAnswer(bench: RunBench): Promise<void> {
  const chunks = Array.from({ length: ANSWER_CHUNKS }, (_, index) => `t${index} `);
  bench.ollama.setDefault({ text: chunks, chunkDelayMs: ANSWER_CHUNK_DELAY_MS });
  const flowId = await createFlow(bench, "Storage benchmark: long answer", chatGraph({ baseUrl: bench.ollama.url }));
  const { runId } = await runOverApi(bench.server.base, bench.apiKey, flowId);
  const stored = storedFor(bench.server.databaseFile, runId, false);
  report(runTargets.rowsPerLongAnswer, stored.rows, stored.byTable.join("; "));
  const replayed = await replayedAnswer(bench, runId);
  const expected = chunks.join("");
  report(runTargets.replayMismatch, replayed === expected ? 0 : 1, `replayed ${replayed.length} of ${expected.length} characters`);
}

async function measureTemplateRun(bench: RunBench): Promise<void> {
  bench.ollama.setDefault(agentReply);
  const flowId = await createFlow(bench, "Storage benchmark: three perspectives", threePerspectivesGraph(bench.ollama.url));
  const { runId } = await runOverApi(bench.server.base, bench.apiKey, flowId);
  const stored = storedFor(bench.server.databaseFile, runId, true);
  report(runTargets.bytesPerTemplateRun, stored.bytes / 1000, `1 KB = 1,000 B; ${stored.byTable.join("; ")}`);
}

/** Reports the storage rows: rows per 1,000-token answer, its lossless replay, bytes per template run. */
export async function measureStorage(bench: RunBench): Promise<void> {
  await measuring([runTargets.rowsPerLongAnswer, runTargets.replayMismatch], () => measureLongAnswer(bench));
  await measuring([runTargets.bytesPerTemplateRun], () => measureTemplateRun(bench));
}
