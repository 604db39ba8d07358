import { CreateFlowForm } from "@/components/home/create-flow-form";
import { FlowList } from "@/components/home/flow-list";

export default function HomePage() {
  return (
    <>
      <h1>Flows</h1>
      <CreateFlowForm />
      <FlowList />
    </>
  );
}
