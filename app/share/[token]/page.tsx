import { notFound } from "next/navigation";
import { SharedFlowView } from "@/components/share/shared-flow-view";
import { isAppError } from "@/lib/errors";
import { getDb, prepareDatabase } from "@/server/db";
import { createServices } from "@/server/services";

/** Unknown and revoked tokens answer a real 404, so the page itself says the link is dead, not only its data. */
async function assertShared(token: string) {
  await prepareDatabase();
  try {
    await createServices(getDb()).shares.view(token);
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
