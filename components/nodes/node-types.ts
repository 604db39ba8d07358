// xyflow's node type table, made once at module scope (a new object per render would remount every
// node). Every catalog kind uses the same catalog-driven view.
import type { NodeTypes } from "@xyflow/react";
import { nodeKinds } from "@/lib/flow/catalog";
import { FlowNode } from "./flow-node";

export const nodeTypes: NodeTypes = Object.fromEntries([...nodeKinds.map((kind) => [kind.type, FlowNode]), ["default", FlowNode]]);
