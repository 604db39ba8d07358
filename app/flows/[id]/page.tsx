import { FlowEditor } from "@/components/editor/flow-editor";
import { requireCaller } from "@/app/_auth/page-caller";

export default async function FlowPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireCaller(`/flows/${encodeURIComponent(id)}`);
  return <FlowEditor flowId={id} />;
}
