// What the share-link chat keeps in the visitor's browser, and how its turns change. Pure (storage is passed
// in), so it is tested without React. The browser keeps only the visitor id the server handed out and the
// open session's id; the conversation itself lives on the server.

/** One line of the conversation as the visitor sees it; `pending`: the answer is on its way; `failed`: none came. */
export type SharedChatTurn = { role: "user" | "assistant"; text: string; state: "done" | "pending" | "failed" };

/** The part of the Web Storage API used here (localStorage; it may be missing or refuse, as in some frames). */
export type KeyValueStore = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export const VISITOR_KEY = "osmen.shareChat.visitorId";
/** The open session is kept per link: one browser may chat through several links. */
export const sessionKey = (token: string) => `osmen.shareChat.session.${token}`;

/** What the browser remembers for a link: the visitor id and the open session, each absent when unknown. */
export type RememberedChat = { visitorId?: string; sessionId?: string };

/** Reads what is remembered; a store that refuses (storage blocked) remembers nothing. */
export function recall(store: KeyValueStore | null, token: string): RememberedChat {
  try {
    return { visitorId: store?.getItem(VISITOR_KEY) ?? undefined, sessionId: store?.getItem(sessionKey(token)) ?? undefined };
  } catch {
    return {};
  }
}

/** Remembers the visitor id and the open session (absent `sessionId`: a new chat, so none is open). */
export function remember(store: KeyValueStore | null, token: string, { visitorId, sessionId }: RememberedChat): void {
  try {
    if (visitorId) store?.setItem(VISITOR_KEY, visitorId);
    if (sessionId) store?.setItem(sessionKey(token), sessionId);
    else store?.removeItem(sessionKey(token));
  } catch {
    // Storage blocked: the chat still works, it is just forgotten on reload.
  }
}

/** The turns once a message is sent: the message, then an answer on its way. */
export const withSentMessage = (turns: SharedChatTurn[], message: string): SharedChatTurn[] => [
  ...turns,
  { role: "user", text: message, state: "done" },
  { role: "assistant", text: "", state: "pending" },
];

/** The turns once the pending answer is known: its text, or a failed turn saying why there is none. */
export function withAnswer(turns: SharedChatTurn[], answer: string | null, failure = "The flow gave no answer to this message."): SharedChatTurn[] {
  const settled: SharedChatTurn = answer === null ? { role: "assistant", text: failure, state: "failed" } : { role: "assistant", text: answer, state: "done" };
  return turns.map((turn, index) => (index === turns.length - 1 && turn.state === "pending" ? settled : turn));
}

/** A stored session's messages as turns. */
export const turnsOf = (messages: { role: "user" | "assistant"; text: string }[]): SharedChatTurn[] => messages.map(({ role, text }) => ({ role, text, state: "done" }));

/** The `<iframe>` snippet that puts a link's chat on another site; `chatUrl` is the chat page's full address. */
export function embedSnippet(chatUrl: string): string {
  const escaped = chatUrl.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;");
  return `<iframe src="${escaped}" title="Chat" width="400" height="600" style="border: 1px solid #ccc; border-radius: 8px;"></iframe>`;
}
