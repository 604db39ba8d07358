// The inspector's form, derived from a kind's config JSON Schema (with its `.meta` titles and widgets):
// which control each field gets, and how typed text becomes a value and back.
export type FieldWidget = "text" | "textarea" | "number" | "slider" | "select" | "toggle" | "credential" | "tags" | "key-value" | "model";

export type FormField = {
  name: string;
  title: string;
  description?: string;
  widget: FieldWidget;
  options?: string[];
  min?: number;
  max?: number;
  step?: number;
  /** A credential field's kinds (`.meta({ credentialKinds })`); absent: model provider keys. */
  credentialKinds?: string[];
};

type JsonSchema = Record<string, unknown>;

const knownWidgets: ReadonlySet<string> = new Set(["textarea", "slider", "credential", "tags", "key-value", "model"]);

function widgetOf(property: JsonSchema): FieldWidget {
  const declared = property.widget;
  if (typeof declared === "string" && knownWidgets.has(declared)) return declared as FieldWidget;
  if (Array.isArray(property.enum)) return "select";
  if (property.type === "boolean") return "toggle";
  if (property.type === "number" || property.type === "integer") return "number";
  if (property.type === "array") return "tags";
  if (property.type === "object") return "key-value";
  return "text";
}

function numberBounds(property: JsonSchema): Pick<FormField, "min" | "max" | "step"> {
  const min = typeof property.minimum === "number" ? property.minimum : undefined;
  const max = typeof property.maximum === "number" ? property.maximum : undefined;
  const step = property.type === "integer" ? 1 : max !== undefined && max <= 10 ? 0.1 : undefined;
  return { min, max, step };
}

/** `number | ""` (a setting left empty for the provider's default) is a number control that may be emptied. */
function withNumberBranch(property: JsonSchema): JsonSchema {
  if (!Array.isArray(property.anyOf)) return property;
  const number = (property.anyOf as JsonSchema[]).find((branch) => branch.type === "number" || branch.type === "integer");
  return number ? { ...number, ...property } : property;
}

export function formFields(schema: JsonSchema): FormField[] {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  return Object.entries(properties).map(([name, declared]) => {
    const property = withNumberBranch(declared);
    const widget = widgetOf(property);
    const field: FormField = { name, title: typeof property.title === "string" ? property.title : name, widget };
    if (typeof property.description === "string") field.description = property.description;
    if (widget === "select") field.options = (property.enum as unknown[]).map(String);
    if (widget === "number" || widget === "slider") Object.assign(field, numberBounds(property));
    if (widget === "credential" && Array.isArray(property.credentialKinds)) field.credentialKinds = property.credentialKinds.map(String);
    return field;
  });
}

/** Text typed into a control, as the value to store. Unparseable numbers stay text so zod can say why. */
export function parseFieldInput(field: FormField, input: string | boolean): unknown {
  if (field.widget === "toggle") return Boolean(input);
  const text = String(input);
  if (field.widget === "number" || field.widget === "slider") {
    const number = Number(text);
    return text.trim() === "" || Number.isNaN(number) ? text : number;
  }
  if (field.widget === "tags") return text.split(",").map((tag) => tag.trim()).filter((tag) => tag !== "");
  if (field.widget === "key-value") return parseKeyValueLines(text);
  return text;
}

export function formatFieldValue(field: FormField, value: unknown): string | boolean {
  if (field.widget === "toggle") return value === true;
  if (field.widget === "tags") return Array.isArray(value) ? value.join(", ") : "";
  if (field.widget === "key-value") {
    return typeof value === "object" && value !== null ? Object.entries(value).map(([key, entry]) => `${key}: ${String(entry)}`).join("\n") : "";
  }
  return value === undefined || value === null ? "" : String(value);
}

/** "Name: value" per line, for header-like settings. */
function parseKeyValueLines(text: string): Record<string, string> {
  const entries = text
    .split("\n")
    .map((line) => line.split(/:(.*)/s).map((part) => part.trim()))
    .filter(([key]) => key !== undefined && key !== "")
    .map(([key, value]) => [key!, value ?? ""] as const);
  return Object.fromEntries(entries);
}

/** Zod's issues for a config, keyed by top-level field: the inline messages under each control. */
export function fieldErrors(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "");
    errors[field] ??= issue.message;
  }
  return errors;
}
