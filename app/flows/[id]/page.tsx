import { FlowPlaceholder } from "@/components/flow/flow-placeholder";

export default async function FlowPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <FlowPlaceholder flowId={id} />;
}
