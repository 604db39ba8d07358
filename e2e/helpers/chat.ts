// A model for chat tests whose answer depends on the history it receives, so a test can only pass when the
// earlier turns reached it: "My name is X." is noted; "What is my name?" is answered from earlier user messages.
import type { RecordedRequest, ScriptedReply } from "@/testing/servers/scripted-server";

/** A chat message as the Ollama wire protocol carries it. */
export type WireMessage = { role: string; content: string };

/** `streamNotes`: the "Noted" answers stream a word every 250 ms, so a test can watch one arrive. */
export function answerFromHistory({ streamNotes = false } = {}) {
  return (request: RecordedRequest): ScriptedReply => {
    const messages = request.body.messages as WireMessage[];
    const question = messages.at(-1)!.content;
    if (question !== "What is my name?") return streamNotes ? { text: `Noted: ${question}`.split(/(?<= )/), chunkDelayMs: 250 } : { text: `Noted: ${question}` };
    const introduction = messages.slice(0, -1).find((message) => message.role === "user" && message.content.startsWith("My name is "));
    const name = introduction?.content.slice("My name is ".length).replace(/\.$/, "");
    return { text: name ? `Your name is ${name}.` : "I do not know your name." };
  };
}
