"use client";
// One inspector control, chosen by the field's widget; the value is stored as typed so a mistake stays
// visible next to its message instead of being silently corrected.
import { useId } from "react";
import { useCredentialOptions, withCurrentCredential } from "./credential-options";
import { providerOfNodeType } from "./model-options";
import { ModelPicker } from "./model-picker";
import { formatFieldValue, parseFieldInput, type FormField } from "./schema-form";

/** The node a field belongs to: its type and whole config (the model picker lists with its credential and Base URL). */
export type FieldNode = { type: string; config: Record<string, unknown> };

type Props = { field: FormField; node: FieldNode; value: unknown; error?: string; readOnly: boolean; onChange(value: unknown): void };

export function ConfigField({ field, node, value, error, readOnly, onChange }: Props) {
  const id = useId();
  const describedBy = [field.description && `${id}-help`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  const shown = formatFieldValue(field, value);
  const common = { id, "aria-describedby": describedBy, "aria-invalid": error ? true : undefined, disabled: readOnly };
  const change = (input: string | boolean) => onChange(parseFieldInput(field, input));
  return (
    <div className={`config-field widget-${field.widget}`}>
      {field.widget === "toggle" ? (
        <label htmlFor={id} className="toggle-label">
          <input type="checkbox" role="switch" checked={shown === true} onChange={(event) => change(event.target.checked)} {...common} />
          {field.title}
        </label>
      ) : (
        <label htmlFor={id}>{field.title}</label>
      )}
      {field.widget !== "toggle" && <FieldControl field={field} node={node} shown={String(shown)} change={change} common={common} />}
      {field.description && (
        <p id={`${id}-help`} className="field-help">
          {field.description}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

type ControlProps = { field: FormField; node: FieldNode; shown: string; change(input: string): void; common: Record<string, unknown> & { id: string } };

function FieldControl({ field, node, shown, change, common }: ControlProps) {
  const onChange = (event: { target: { value: string } }) => change(event.target.value);
  const provider = field.widget === "model" ? providerOfNodeType(node.type) : null;
  if (provider) return <ModelPicker provider={provider} config={node.config} shown={shown} change={change} common={common} />;
  switch (field.widget) {
    case "textarea":
    case "key-value":
      return <textarea rows={field.widget === "key-value" ? 3 : 5} value={shown} onChange={onChange} {...common} />;
    case "select":
      return (
        <select value={shown} onChange={onChange} {...common}>
          {field.options?.map((option) => <option key={option}>{option}</option>)}
        </select>
      );
    case "credential":
      return <CredentialSelect kinds={field.credentialKinds} shown={shown} onChange={onChange} common={common} />;
    case "number":
    case "slider":
      return <input type="number" inputMode="decimal" min={field.min} max={field.max} step={field.step ?? "any"} value={shown} onChange={onChange} {...common} />;
    default:
      return <input type="text" value={shown} onChange={onChange} placeholder={field.widget === "tags" ? "comma, separated" : undefined} {...common} />;
  }
}

type CredentialSelectProps = { kinds?: string[]; shown: string; onChange(event: { target: { value: string } }): void; common: Record<string, unknown> };

function CredentialSelect({ kinds, shown, onChange, common }: CredentialSelectProps) {
  const credentials = withCurrentCredential(useCredentialOptions(!common.disabled, kinds), shown);
  return (
    <select value={shown} onChange={onChange} {...common}>
      {credentials.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
