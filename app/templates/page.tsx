import { TemplateGallery } from "@/components/templates/template-gallery";
import { requireCaller } from "@/app/_auth/page-caller";
import "../gallery.css";

export default async function TemplatesPage() {
  await requireCaller("/templates");
  return (
    <>
      <h1>Templates</h1>
      <p className="muted">Start from a working flow: each one opens on the canvas as a new flow of your own.</p>
      <TemplateGallery />
    </>
  );
}
