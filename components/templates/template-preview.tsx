import type { GraphPreview } from "@/lib/templates";

/** A template's graph in miniature: boxes and lines, no canvas. */
export function TemplatePreview({ preview }: { preview: GraphPreview }) {
  const byId = new Map(preview.nodes.map((node) => [node.id, node]));
  return (
    <svg className="template-preview" viewBox={`0 0 ${preview.width} ${preview.height}`} role="img" aria-label={`Preview with ${preview.nodes.length} nodes`}>
      {preview.edges.map((edge) => {
        const source = byId.get(edge.source);
        const target = byId.get(edge.target);
        if (!source || !target) return null;
        return <line key={`${edge.source}-${edge.target}`} x1={source.x} y1={source.y} x2={target.x} y2={target.y} className="template-preview-edge" />;
      })}
      {preview.nodes.map((node) => (
        <rect key={node.id} x={node.x - 7} y={node.y - 5} width={14} height={10} rx={2} className={`template-preview-node node-${node.type.split(".")[0]}`}>
          <title>{node.label}</title>
        </rect>
      ))}
    </svg>
  );
}
