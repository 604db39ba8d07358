import { PlaygroundPage } from "@/components/playground/playground-page";
import { requireCaller } from "@/app/_auth/page-caller";

export default async function FlowPlaygroundPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireCaller(`/flows/${encodeURIComponent(id)}/playground`);
  return <PlaygroundPage flowId={id} />;
}
