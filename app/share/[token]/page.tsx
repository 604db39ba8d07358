import { notFound } from "next/navigation";
import { SharedFlowView } from "@/components/share/shared-flow-view";
import { isAppError } from "@/lib/errors";
import { getApp } from "@/server/app";

/** Unknown and revoked tokens answer a real 404, so the page itself says the link is dead, not only its data. */
async function assertShared(token: string) {
  const app = getApp();
  await app.ready();
  try {
    await app.services.shares.view(token);
  } catch (error) {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
}

export default async function SharedFlowPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  await assertShared(token);
  return <SharedFlowView token={token} />;
}
