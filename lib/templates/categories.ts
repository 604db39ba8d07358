// The gallery's categories, in the order its filter chips show them. A template names one by id.

export const templateCategories = [
  { id: "agents", label: "Agents & tools" },
  { id: "research", label: "Research" },
  { id: "writing", label: "Writing" },
  { id: "data", label: "Structured data" },
  { id: "support", label: "Customer support" },
  { id: "productivity", label: "Productivity" },
  { id: "evaluation", label: "Model comparison" },
] as const;

export type TemplateCategory = (typeof templateCategories)[number]["id"];

/** As a tuple, so `z.enum` accepts it. */
export const templateCategoryIds = templateCategories.map((category) => category.id) as unknown as readonly [TemplateCategory, ...TemplateCategory[]];

/** The label shown for a category id; the id itself for one that is not listed. */
export function categoryLabel(id: string): string {
  return templateCategories.find((category) => category.id === id)?.label ?? id;
}
