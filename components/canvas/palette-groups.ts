// The palette's grouping and search, kept apart from the view so it can be tested.
type KindLike = { type: string; title: string; category: string; description: string };

export type PaletteGroup<Kind extends KindLike> = { category: string; kinds: Kind[] };

export function groupKinds<Kind extends KindLike>(kinds: readonly Kind[], categoryOrder: readonly string[], search: string): PaletteGroup<Kind>[] {
  const term = search.trim().toLowerCase();
  const matches = (kind: Kind) => term === "" || [kind.title, kind.description, kind.type].some((text) => text.toLowerCase().includes(term));
  const categories = [...categoryOrder, ...new Set(kinds.map((kind) => kind.category).filter((category) => !categoryOrder.includes(category)))];
  return categories
    .map((category) => ({ category, kinds: kinds.filter((kind) => kind.category === category && matches(kind)) }))
    .filter((group) => group.kinds.length > 0);
}

/**
 * Where a click-added node lands (flow coordinates): tiles of four across around the view's centre, so
 * that a row of clicks lays nodes side by side instead of stacking them.
 */
export function clickPlacement(centre: { x: number; y: number }, existingCount: number): { x: number; y: number } {
  const column = existingCount % 4;
  const row = Math.floor(existingCount / 4) % 3;
  return { x: centre.x - 380 + column * 260, y: centre.y - 200 + row * 200 };
}
