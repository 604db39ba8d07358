"use client";
// Settings of the selected node, generated from its kind's config schema, validated by the kind's zod
// schema as you type. Read-only on shared links and version previews.
import { configJsonSchema, getNodeKind, readNodeConfig } from "@/lib/flow/catalog";
import type { AnyNodeKind } from "@/lib/flow/node-kind";
import { ConfigField } from "./config-field";
import { useEditor, useEditorStore } from "@/components/editor-state/editor-context";
import type { CanvasNode } from "@/components/editor-state/graph-mapping";
import { fieldErrors, formFields, type FormField } from "./schema-form";

const fieldCache = new Map<string, FormField[]>();

function fieldsOf(kind: AnyNodeKind): FormField[] {
  let fields = fieldCache.get(kind.type);
  if (!fields) fieldCache.set(kind.type, (fields = formFields(configJsonSchema(kind))));
  return fields;
}

function selectedNode(nodes: CanvasNode[]): CanvasNode | null {
  let found: CanvasNode | null = null;
  for (const node of nodes) {
    if (!node.selected) continue;
    if (found) return null;
    found = node;
  }
  return found;
}

export function Inspector() {
  const node = useEditor((state) => selectedNode(state.nodes));
  const selectionCount = useEditor((state) => state.nodes.reduce((count, each) => count + (each.selected ? 1 : 0), 0));
  const readOnly = useEditor((state) => state.readOnly);
  const diagnostics = useEditor((state) => (node ? state.diagnostics.byNode.get(node.id) : undefined));
  const store = useEditorStore();
  if (!node) {
    return (
      <aside className="inspector" aria-label="Inspector">
        <p className="muted">{selectionCount > 1 ? `${selectionCount} nodes selected.` : "Select a node to see its settings."}</p>
      </aside>
    );
  }
  const kind = getNodeKind(node.type ?? "");
  const config = readNodeConfig(node) as Record<string, unknown>;
  const parsed = kind?.configSchema.safeParse(config);
  const errors = parsed && !parsed.success ? fieldErrors(parsed.error.issues) : {};
  return (
    <aside className="inspector" aria-label="Inspector">
      <h2>{kind?.title ?? node.type}</h2>
      {kind && <p className="muted">{kind.description}</p>}
      {readOnly && <p className="muted">Read-only.</p>}
      <label className="config-field">
        Label
        <input value={typeof node.data.label === "string" ? node.data.label : ""} placeholder={node.id} disabled={readOnly} onChange={(event) => store.getState().setNodeLabel(node.id, event.target.value)} />
      </label>
      {kind &&
        fieldsOf(kind).map((field) => (
          <ConfigField
            key={`${node.id}:${field.name}`}
            field={field}
            node={{ type: node.type ?? "", config }}
            value={config[field.name] ?? (parsed?.success ? (parsed.data as Record<string, unknown>)[field.name] : undefined)}
            error={errors[field.name]}
            readOnly={readOnly}
            onChange={(value) => store.getState().setConfigField(node.id, field.name, value)}
          />
        ))}
      {diagnostics && diagnostics.length > 0 && (
        <ul className="inspector-diagnostics" aria-label="Problems with this node">
          {diagnostics.map((diagnostic, index) => (
            <li key={index} className={`diagnostic-${diagnostic.severity}`}>
              {diagnostic.message}
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
