/**
 * One source of truth: every field a content schema has is in the CMS form, with the same name,
 * the same required-ness and the same choices, and every relation points at a collection the CMS has.
 * A field added to a schema that the generator cannot express fails here.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CMS_COLLECTIONS, decapConfig } from './collections.ts';
import { jsonSchemaOf, type DecapField } from './decap-config.ts';
import { exposureSchema, taskSchema } from '../content/schemas.ts';

const config = decapConfig({ backend: { name: 'git-gateway' }, contentDir: 'content', siteUrl: 'http://localhost:4321', editorialWorkflow: false });
const collectionNames = new Set(config.collections.map((c) => c.name));

function compare(schema: ReturnType<typeof jsonSchemaOf>, fields: readonly DecapField[], path: string, groupRequired = true) {
  const props = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  expect(
    fields.map((f) => f.name).filter((n) => n !== 'body'),
    path,
  ).toEqual(Object.keys(props));
  for (const field of fields) {
    if (field.name === 'body') continue;
    const prop = props[field.name]!;
    const at = `${path}.${field.name}`;
    expect(field.required !== false, at).toBe(groupRequired && required.has(field.name));
    expect(field.label, at).toBe(prop.title ?? field.name);
    if (field.widget === 'relation') expect(collectionNames.has(field.collection as string), at).toBe(true);
    if (prop.enum)
      expect(
        (field.options as { value: string }[]).map((o) => o.value),
        at,
      ).toEqual(prop.enum);
    const nested = prop.type === 'object' ? prop : prop.type === 'array' && prop.items?.type === 'object' ? prop.items : undefined;
    if (nested) compare(nested, field.fields as DecapField[], at, prop.type === 'object' ? field.required !== false : true);
  }
}

describe('CMS configuration generated from the content schemas', () => {
  for (const c of CMS_COLLECTIONS) {
    it(`the ${c.name} form has exactly the schema's fields`, () => {
      const generated = config.collections.find((x) => x.name === c.name) as { fields: DecapField[] };
      compare(jsonSchemaOf(c.schema), generated.fields, c.name);
    });
  }

  it('is in Simplified Chinese and keeps content where the build reads it', () => {
    expect(config.locale).toBe('zh_Hans');
    expect(config.collections.find((c) => c.name === 'bulletins')).toMatchObject({
      folder: 'content/bulletins',
      extension: 'md',
      format: 'frontmatter',
      create: true,
    });
  });

  it('offers choices with their Chinese labels and units as a searchable relation', () => {
    const tasks = config.collections.find((c) => c.name === 'tasks') as { fields: DecapField[] };
    expect(tasks.fields.find((f) => f.name === 'cadence')!.options).toEqual([
      { value: 'weekly', label: '每周' },
      { value: 'monthly', label: '每月' },
    ]);
    expect(tasks.fields.find((f) => f.name === 'supportingUnits')).toMatchObject({ widget: 'relation', collection: 'units', multiple: true, required: false });
    expect(tasks.fields.find((f) => f.name === 'deadline')).toMatchObject({ widget: 'datetime', format: 'YYYY-MM-DD', time_format: false });
  });

  it('catches a schema field the CMS would drop', () => {
    const extended = (taskSchema as unknown as z.ZodObject).extend({ newField: z.string().meta({ title: '新字段' }) });
    const fields = decapConfig({ backend: { name: 'x' }, contentDir: 'content', siteUrl: '', editorialWorkflow: false }).collections.find(
      (c) => c.name === 'tasks',
    ) as { fields: DecapField[] };
    expect(() => compare(jsonSchemaOf(extended), fields.fields, 'tasks')).toThrow();
  });

  it('requires a problem type only as the schema does (optional, checked across fields)', () => {
    const exposures = config.collections.find((c) => c.name === 'exposures') as { fields: DecapField[] };
    expect(exposures.fields.find((f) => f.name === 'problemType')!.required).toBe(false);
    expect(jsonSchemaOf(exposureSchema).required).toContain('kind');
  });

  it('leaves the inner fields of an optional group optional in the form, so an empty group can be saved', () => {
    const exposures = config.collections.find((c) => c.name === 'exposures') as { fields: DecapField[] };
    const rectification = exposures.fields.find((f) => f.name === 'rectification')!;
    expect(rectification.required).toBe(false);
    expect((rectification.fields as DecapField[]).every((f) => f.required === false)).toBe(true);
    const bulletins = config.collections.find((c) => c.name === 'bulletins') as { fields: DecapField[] };
    expect(bulletins.fields.at(-1)).toMatchObject({ name: 'body', widget: 'markdown' });
    expect(bulletins.fields.at(-1)!.required).toBeUndefined();
  });
});
