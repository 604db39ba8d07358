// Read-only share links. The token is random (256 bits), separate from the flow id, and stored only as a
// SHA-256 hash: a leaked database does not leak working links. A link shows the flow as it is now, cleaned
// of secrets and credential references, and can never change or run it.
import { createHash, randomBytes } from "node:crypto";
import { AppError } from "@/lib/errors";
import { sanitizeGraph } from "@/lib/flow/flow-document";
import type { FlowGraph } from "@/lib/flow/graph-schema";
import type { Db } from "@/server/db/client";
import { copyName, type FlowRecord, type FlowService } from "./flow-service.ts";

export type ShareLinkSummary = { id: string; tokenPrefix: string; createdAt: Date; revokedAt: Date | null };
export type SharedFlow = { name: string; description: string; graph: FlowGraph; updatedAt: Date };

const TOKEN_PREFIX_LENGTH = 6;

export const hashShareToken = (token: string) => createHash("sha256").update(token).digest("hex");

const linkNotFound = () =>
  new AppError("NOT_FOUND", "share link is unknown or revoked", { userMessage: "This link does not exist or has been revoked." });

export function createShareService({ prisma }: Db, flows: FlowService) {
  async function create(flowId: string): Promise<{ id: string; token: string; path: string }> {
    await flows.get(flowId);
    const token = randomBytes(32).toString("base64url");
    const link = await prisma.shareLink.create({
      data: { flowId, tokenHash: hashShareToken(token), tokenPrefix: token.slice(0, TOKEN_PREFIX_LENGTH) },
    });
    return { id: link.id, token, path: `/share/${token}` };
  }

  async function list(flowId: string): Promise<ShareLinkSummary[]> {
    await flows.get(flowId);
    return prisma.shareLink.findMany({
      where: { flowId },
      orderBy: { createdAt: "desc" },
      select: { id: true, tokenPrefix: true, createdAt: true, revokedAt: true },
    });
  }

  async function revoke(id: string): Promise<ShareLinkSummary> {
    // Revoking twice keeps the first revocation time.
    await prisma.shareLink.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
    const link = await prisma.shareLink.findUnique({ where: { id }, select: { id: true, tokenPrefix: true, createdAt: true, revokedAt: true } });
    if (!link) throw new AppError("NOT_FOUND", `share link "${id}" does not exist`);
    return link;
  }

  async function resolve(token: string): Promise<FlowRecord> {
    const link = await prisma.shareLink.findUnique({ where: { tokenHash: hashShareToken(token) } });
    if (!link || link.revokedAt) throw linkNotFound();
    return flows.get(link.flowId);
  }

  async function view(token: string): Promise<SharedFlow> {
    const flow = await resolve(token);
    return { name: flow.name, description: flow.description, graph: sanitizeGraph(flow.graph), updatedAt: flow.updatedAt };
  }

  /** Copies the shared flow, as a visitor sees it, into a new flow of the visitor's own. */
  async function duplicate(token: string): Promise<FlowRecord> {
    const shared = await view(token);
    return flows.create({ name: copyName(shared.name), description: shared.description, graph: shared.graph });
  }

  return { create, list, revoke, view, duplicate };
}
