"use client";
// The Model field of a provider node: a text box that also offers the models the provider lists (asked with
// the node's own credential and Base URL), as a combobox. Any name may still be typed: a provider that cannot
// be reached says why under the field and the text box keeps working.
import { useQuery } from "@tanstack/react-query";
import { useState, type KeyboardEvent } from "react";
import { useTRPC } from "@/components/trpc-provider";
import { errorMessageOf } from "@/components/ui/trpc-errors";
import type { ProviderName } from "@/lib/llm/providers";
import { matchingModels, modelListRequest, modelNote, type ModelListing } from "./model-options";

/** How long the browser reuses a listing before asking again (the server keeps one as long). */
const LISTING_STALE_MS = 60_000;

type Props = {
  provider: ProviderName;
  /** The node's config, for its credential and Base URL. */
  config: Record<string, unknown>;
  shown: string;
  change(input: string): void;
  common: Record<string, unknown> & { id: string };
};

function useModelListing(provider: ProviderName, config: Record<string, unknown>, isEnabled: boolean): ModelListing {
  const trpc = useTRPC();
  const request = modelListRequest(provider, config);
  const models = useQuery(
    trpc.provider.models.queryOptions(request ?? { provider }, {
      enabled: isEnabled && request !== null,
      staleTime: LISTING_STALE_MS,
      retry: false,
      trpc: { context: { skipBatch: true } },
    }),
  );
  if (request === null) return { state: "failed", reason: "the Base URL is not a valid URL yet." };
  if (models.isError) return { state: "failed", reason: errorMessageOf(models.error) };
  return models.data ? { state: "listed", models: models.data } : { state: "loading" };
}

export function ModelPicker({ provider, config, shown, change, common }: Props) {
  const isReadOnly = common.disabled === true;
  const listing = useModelListing(provider, config, !isReadOnly);
  const [isOpen, setIsOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const options = listing.state === "listed" ? matchingModels(provider, listing.models, shown) : [];
  const isExpanded = isOpen && options.length > 0 && !isReadOnly;
  const note = isReadOnly ? null : modelNote(provider, listing, shown);
  const listId = `${common.id}-models`;
  const noteId = `${common.id}-note`;
  const pick = (model: string) => (change(model), setIsOpen(false), setActive(-1));

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setIsOpen(true);
      setActive((index) => (options.length === 0 ? -1 : (index + step + options.length) % options.length));
    } else if (event.key === "Enter" && isExpanded && options[active] !== undefined) {
      event.preventDefault();
      pick(options[active]);
    } else if (event.key === "Escape" && isExpanded) {
      // Closes the list only; a second Escape reaches whatever is around the inspector.
      event.stopPropagation();
      setIsOpen(false);
    }
  };

  return (
    <div className="model-picker">
      <input
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={isExpanded}
        aria-controls={listId}
        aria-activedescendant={isExpanded && active >= 0 ? `${listId}-${active}` : undefined}
        autoComplete="off"
        value={shown}
        onChange={(event) => (change(event.target.value), setIsOpen(true), setActive(-1))}
        onFocus={() => setIsOpen(true)}
        onBlur={() => setIsOpen(false)}
        onKeyDown={onKeyDown}
        {...common}
        aria-describedby={[common["aria-describedby"], note && noteId].filter(Boolean).join(" ") || undefined}
      />
      {isExpanded && (
        <ul id={listId} role="listbox" aria-label="Models the provider lists" className="model-options">
          {options.map((model, index) => (
            <li
              key={model}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              // Picked on mouse down, before the text box's blur closes the list.
              onMouseDown={(event) => (event.preventDefault(), pick(model))}
            >
              {model}
            </li>
          ))}
        </ul>
      )}
      {note && (
        <p id={noteId} className={`field-help model-note model-note-${note.tone}`} data-testid="model-note">
          {note.text}
        </p>
      )}
    </div>
  );
}
