// The gallery's search box and category chips as one pure filter, so the page and its tests agree.
import { categoryLabel } from "./categories";

/** The fields the filter reads from a card. */
export type SearchableTemplate = { name: string; description: string; category: string };

/** `query`: free text (case-insensitive; every word must match the name, description or category); `category`: an id, or undefined for all. */
export type TemplateFilter = { query?: string; category?: string };

const wordsOf = (query: string) => query.toLowerCase().split(/\s+/).filter(Boolean);

function haystackOf(template: SearchableTemplate): string {
  return [template.name, template.description, template.category, categoryLabel(template.category)].join("\n").toLowerCase();
}

/** The templates matching the filter, in their given order. */
export function filterTemplates<Template extends SearchableTemplate>(templates: readonly Template[], filter: TemplateFilter): Template[] {
  const words = wordsOf(filter.query ?? "");
  return templates.filter((template) => {
    if (filter.category && template.category !== filter.category) return false;
    const haystack = haystackOf(template);
    return words.every((word) => haystack.includes(word));
  });
}

/** The categories that have at least one template, in the catalogue's order, each with its count. */
export function categoriesIn<Template extends SearchableTemplate>(templates: readonly Template[], order: readonly { id: string; label: string }[]) {
  return order
    .map((category) => ({ ...category, count: templates.filter((template) => template.category === category.id).length }))
    .filter((category) => category.count > 0);
}
