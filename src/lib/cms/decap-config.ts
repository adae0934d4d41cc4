/**
 * The editors' CMS (Decap) configuration, generated from the same Zod schemas the build validates
 * with: a field added to a schema appears in the CMS form, with its Chinese label, its widget and
 * whether it is required. Nothing here is written by hand per field.
 */
import { z } from 'zod';
import type { ReferencedCollection } from '../content/schemas.ts';

type JsonSchema = {
  type?: string | string[];
  title?: string;
  format?: string;
  enum?: string[];
  options?: { value: string; label: string }[];
  ref?: ReferencedCollection;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  default?: unknown;
  anyOf?: JsonSchema[];
};

/** A Decap field definition (the subset we generate). */
export interface DecapField {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  [option: string]: unknown;
}

/** How each referenced collection is searched and shown in a relation widget. */
const RELATIONS: Record<ReferencedCollection, { search_fields: string[]; display_fields: string[] }> = {
  units: { search_fields: ['name', 'shortName'], display_fields: ['name'] },
  ledgers: { search_fields: ['name'], display_fields: ['name'] },
  categories: { search_fields: ['name'], display_fields: ['name'] },
  tasks: { search_fields: ['title'], display_fields: ['title'] },
  bulletins: { search_fields: ['number', 'title'], display_fields: ['number', 'title'] },
  exposures: { search_fields: ['title'], display_fields: ['title'] },
  supervision: { search_fields: ['number', 'title'], display_fields: ['number', 'title'] },
};

/** The JSON Schema of a Zod schema, as the CMS sees its files (input side, before defaults). */
export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

/**
 * Decap fields for every property of an object schema, in order. Inside an optional group
 * (整改要求, 整改情况) Decap would demand the inner fields even when the group is left empty, so
 * there they are optional in the form; the build's schema still requires them once the group is used.
 */
export function fieldsOf(schema: JsonSchema, groupRequired = true): DecapField[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, prop]) => {
    const isRequired = groupRequired && required.has(name);
    return { ...fieldFor(name, prop, isRequired), ...(isRequired ? {} : { required: false }) };
  });
}

function fieldFor(name: string, prop: JsonSchema, isRequired = true): DecapField {
  const label = prop.title ?? name;
  if (prop.ref) return { name, label, widget: 'relation', collection: prop.ref, value_field: '{{slug}}', ...RELATIONS[prop.ref] };
  if (prop.options) return { name, label, widget: 'select', options: prop.options };
  if (prop.format === 'date') return { name, label, widget: 'datetime', format: 'YYYY-MM-DD', date_format: 'YYYY-MM-DD', time_format: false, picker_utc: true };
  switch (prop.type) {
    case 'boolean':
      return { name, label, widget: 'boolean' };
    case 'number':
    case 'integer':
      return {
        name,
        label,
        widget: 'number',
        value_type: prop.type === 'integer' ? 'int' : 'float',
        ...(prop.minimum !== undefined && { min: prop.minimum }),
        ...(prop.maximum !== undefined && { max: prop.maximum }),
      };
    case 'object':
      return { name, label, widget: 'object', fields: fieldsOf(prop, isRequired) };
    case 'array':
      return listFor(name, label, prop.items ?? {});
    default:
      return { name, label, widget: (prop.maxLength ?? 0) > 120 ? 'text' : 'string' };
  }
}

function listFor(name: string, label: string, items: JsonSchema): DecapField {
  if (items.ref) return { ...fieldFor(name, items), label, multiple: true };
  if (items.options) return { name, label, widget: 'select', options: items.options, multiple: true };
  if (items.type === 'object') return { name, label, widget: 'list', fields: fieldsOf(items) };
  return { name, label, widget: 'list', field: fieldFor('item', items) };
}
