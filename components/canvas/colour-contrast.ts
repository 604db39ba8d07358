// Contrast of two sRGB colours as WCAG 2 defines it, and reading a stylesheet's colour variables, so the
// theme's values for edges and handles can be checked against the canvas background in unit tests.

/** `#rgb` or `#rrggbb` to channels 0..255; throws an Error naming the value when it is not such a colour. */
export function parseHexColour(hex: string): [number, number, number] {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!match?.[1]) throw new Error(`"${hex}" is not a #rgb or #rrggbb colour; write theme colours in hex.`);
  const digits = match[1].length === 3 ? [...match[1]].map((digit) => digit + digit).join("") : match[1];
  return [0, 2, 4].map((start) => parseInt(digits.slice(start, start + 2), 16)) as [number, number, number];
}

/** WCAG relative luminance of a hex colour, 0 (black) to 1 (white). */
export function relativeLuminance(hex: string): number {
  const [red, green, blue] = parseHexColour(hex).map((channel) => {
    const value = channel / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
}

/** WCAG contrast ratio of two hex colours, 1 (none) to 21 (black on white); order does not matter. */
export function contrastRatio(first: string, second: string): number {
  const [lighter, darker] = [relativeLuminance(first), relativeLuminance(second)].sort((a, b) => b - a) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

/**
 * The custom properties (`--name: value`) declared in a stylesheet's light `:root` blocks and in its
 * `prefers-color-scheme: dark` `:root` blocks, later declarations winning, as the browser would read them.
 */
export function themeVariables(css: string): { light: Record<string, string>; dark: Record<string, string> } {
  const light: Record<string, string> = {};
  const dark: Record<string, string> = {};
  const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, "");
  const darkBlocks = /@media\s*\(prefers-color-scheme:\s*dark\)\s*\{\s*:root\s*\{([^}]*)\}\s*\}/g;
  for (const block of withoutComments.matchAll(darkBlocks)) Object.assign(dark, declarations(block[1] ?? ""));
  const lightOnly = withoutComments.replace(darkBlocks, "");
  for (const block of lightOnly.matchAll(/(?<![\w-]):root\s*\{([^}]*)\}/g)) Object.assign(light, declarations(block[1] ?? ""));
  return { light, dark };
}

function declarations(body: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const match of body.matchAll(/(--[\w-]+)\s*:\s*([^;]+);?/g)) if (match[1] && match[2]) found[match[1]] = match[2].trim();
  return found;
}
