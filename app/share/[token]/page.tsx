import { SharedFlowView } from "@/components/share/shared-flow-view";

export default async function SharedFlowPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return <SharedFlowView token={token} />;
}
