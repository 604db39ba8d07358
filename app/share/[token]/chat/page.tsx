import { notFound } from "next/navigation";
import { SharedChat } from "@/components/share/shared-chat";
import { isAppError } from "@/lib/errors";
import { getApp } from "@/server/app";

/** A link that is unknown, revoked or not open for chatting answers a real 404 (see ../not-found.tsx). */
async function chatInfo(token: string) {
  const app = getApp();
  await app.ready();
  try {
    return await app.shareChat.info(token);
  } catch (error) {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
}

/** Only the chat, with no app navigation: other sites embed this page (the one page any site may frame). */
export default async function SharedChatPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const { name, description } = await chatInfo(token);
  return <SharedChat token={token} name={name} description={description} />;
}
