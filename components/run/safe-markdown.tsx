// Model output rendered as markdown, safely: raw HTML is dropped (skipHtml), a link whose address the
// default urlTransform refuses (javascript:, data:, vbscript:...) comes out as plain text, not a dead <a>,
// and an image shows its address and loads only when clicked.
import type { ComponentProps } from "react";
import ReactMarkdown, { defaultUrlTransform, type Components } from "react-markdown";
import { ClickToLoadImage } from "./click-to-load-image";

function SafeLink({ href, children }: ComponentProps<"a">) {
  if (!href) return <span className="unsafe-link">{children}</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer nofollow">
      {children}
    </a>
  );
}

const components: Components = { a: SafeLink, img: ClickToLoadImage };

export function SafeMarkdown({ text }: { text: string }) {
  return (
    <div className="safe-markdown">
      <ReactMarkdown skipHtml urlTransform={defaultUrlTransform} components={components}>
        {text}
      </ReactMarkdown>
    </div>
  );
}
