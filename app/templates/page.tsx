import { TemplateGallery } from "@/components/templates/template-gallery";

export default function TemplatesPage() {
  return (
    <>
      <h1>Templates</h1>
      <p className="muted">Start from a working flow: each one opens on the canvas as a new flow of your own.</p>
      <TemplateGallery />
    </>
  );
}
