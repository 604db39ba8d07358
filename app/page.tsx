import { CreateFlowForm } from "@/components/home/create-flow-form";
import { FlowList } from "@/components/home/flow-list";
import { ImportFlowButton } from "@/components/home/import-flow-button";
import { TemplateShortcuts } from "@/components/home/template-shortcuts";
import { requireCaller } from "@/app/_auth/page-caller";
import "./gallery.css";

export default async function HomePage() {
  await requireCaller("/");
  return (
    <>
      <h1>Flows</h1>
      <div className="toolbar home-actions">
        <CreateFlowForm />
        <ImportFlowButton />
      </div>
      <TemplateShortcuts />
      <FlowList />
    </>
  );
}
