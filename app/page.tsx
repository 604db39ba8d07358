import { CreateFlowForm } from "@/components/home/create-flow-form";
import { FlowList } from "@/components/home/flow-list";
import { requireCaller } from "@/app/_auth/page-caller";

export default async function HomePage() {
  await requireCaller("/");
  return (
    <>
      <h1>Flows</h1>
      <CreateFlowForm />
      <FlowList />
    </>
  );
}
