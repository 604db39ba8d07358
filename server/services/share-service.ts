// Read-only share links. The token is random (256 bits), separate from the flow id, and stored only as a
// SHA-256 hash: a leaked database does not leak working links. A link shows the flow as it is now, cleaned
// of secrets and credential references, and can never change or run it. Links belong to the flow's owner:
// only they create, list and revoke them; viewing by token needs no caller at all.
import { createHash, randomBytes } from "node:crypto";
import { AppError } from "@/lib/errors";
import { withoutSecrets } from "@/lib/flow/flow-document";
import { flowGraphSchema, type FlowGraph } from "@/lib/flow/graph-schema";
import type { Caller } from "@/server/auth/caller";
import type { Db } from "@/server/db/client";
import { requireFlowAccess } from "./flow-access.ts";
import { copyName, type FlowRecord, type FlowService } from "./flow-service.ts";

/** `chatEnabled`: visitors may chat with the flow through this link (/share/<token>/chat), run as the owner. */
export type ShareLinkSummary = { id: string; tokenPrefix: string; createdAt: Date; revokedAt: Date | null; chatEnabled: boolean };
export type SharedFlow = { name: string; description: string; graph: FlowGraph; updatedAt: Date };

const TOKEN_PREFIX_LENGTH = 6;
const summaryFields = { id: true, tokenPrefix: true, createdAt: true, revokedAt: true, chatEnabled: true } as const;

export const hashShareToken = (token: string) => createHash("sha256").update(token).digest("hex");

const linkNotFound = () =>
  new AppError("NOT_FOUND", "share link is unknown or revoked", { userMessage: "This link does not exist or has been revoked." });

export function createShareService({ prisma }: Db, flows: FlowService) {
  /** A new link to a flow the caller owns; the token is returned only here. */
  async function create(caller: Caller, flowId: string): Promise<{ id: string; token: string; path: string }> {
    await requireFlowAccess(prisma, caller, flowId, "owner");
    const token = randomBytes(32).toString("base64url");
    const link = await prisma.shareLink.create({
      data: { flowId, tokenHash: hashShareToken(token), tokenPrefix: token.slice(0, TOKEN_PREFIX_LENGTH) },
    });
    return { id: link.id, token, path: `/share/${token}` };
  }

  async function list(caller: Caller, flowId: string): Promise<ShareLinkSummary[]> {
    await requireFlowAccess(prisma, caller, flowId, "owner");
    return prisma.shareLink.findMany({ where: { flowId }, orderBy: { createdAt: "desc" }, select: summaryFields });
  }

  /** Revokes a link of a flow the caller owns; revoking twice keeps the first revocation time. */
  async function revoke(caller: Caller, id: string): Promise<ShareLinkSummary> {
    const owned = { id, flow: { ownerId: caller.userId } };
    await prisma.shareLink.updateMany({ where: { ...owned, revokedAt: null }, data: { revokedAt: new Date() } });
    const link = await prisma.shareLink.findFirst({ where: owned, select: summaryFields });
    if (!link) throw new AppError("NOT_FOUND", `share link "${id}" does not exist`);
    return link;
  }

  /**
   * Opens a link of a flow the caller owns for chatting, or closes it. Visitors' sessions stay (the owner reads them).
   * @throws AppError NOT_FOUND for a link of another owner's flow, CONFLICT for a revoked link.
   */
  async function setChatEnabled(caller: Caller, id: string, chatEnabled: boolean): Promise<ShareLinkSummary> {
    const owned = { id, flow: { ownerId: caller.userId } };
    const link = await prisma.shareLink.findFirst({ where: owned, select: summaryFields });
    if (!link) throw new AppError("NOT_FOUND", `share link "${id}" does not exist`);
    if (link.revokedAt) throw new AppError("CONFLICT", `share link "${id}" is revoked`, { userMessage: "This link is revoked. Create a new link to share the chat." });
    return prisma.shareLink.update({ where: { id }, data: { chatEnabled }, select: summaryFields });
  }

  /** The shared flow behind a live token, for anyone holding it. @throws AppError NOT_FOUND for unknown or revoked tokens. */
  async function view(token: string): Promise<SharedFlow> {
    const link = await prisma.shareLink.findUnique({
      where: { tokenHash: hashShareToken(token) },
      select: { revokedAt: true, flow: { select: { name: true, description: true, graph: true, updatedAt: true } } },
    });
    if (!link || link.revokedAt) throw linkNotFound();
    const { flow } = link;
    const { name, description, graph } = withoutSecrets({ name: flow.name, description: flow.description, graph: flowGraphSchema.parse(flow.graph) });
    return { name, description, graph, updatedAt: flow.updatedAt };
  }

  /** Copies the shared flow, as a visitor sees it, into a new flow owned by the caller. */
  async function duplicate(caller: Caller, token: string): Promise<FlowRecord> {
    const shared = await view(token);
    return flows.create(caller, { name: copyName(shared.name), description: shared.description, graph: shared.graph });
  }

  return { create, list, revoke, setChatEnabled, view, duplicate };
}
