/**
 * Content collections: the folders under `content/` (or `DUBAN_CONTENT_DIR`, used by tests and the
 * build benchmark), validated with the schemas in `src/lib/content/schemas.ts`. The district's rules
 * (`settings/`, `calendar/`) are not collections: the build and the server read them with one loader,
 * src/data/district-rules.ts.
 */
import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { z } from 'zod';
import { zhCN } from 'zod/v4/locales';
import {
  assessmentSchema,
  bulletinSchema,
  categorySchema,
  exposureSchema,
  ledgerSchema,
  supervisionSchema,
  taskSchema,
  unitSchema,
} from './lib/content/schemas.ts';

// Messages Zod writes itself (wrong type, unknown key…) in Chinese; ours are set on each field.
z.config(zhCN());

const contentDir = process.env.DUBAN_CONTENT_DIR ?? './content';

/** Ids are file names as written (WL-2026-014), not lower-cased slugs. */
const fileStem = ({ entry }: { entry: string }) => entry.replace(/\.(md|ya?ml)$/, '');

/**
 * Astro writes its whole content store into the bundle that prerenders the pages. For a Markdown entry it keeps,
 * beside the validated data and the rendered HTML, the raw Markdown (`retainBody`) and the rendered metadata's own
 * copy of the frontmatter. No page reads either, so neither is stored, which halves the store (issue 13).
 */
const withoutFrontmatterCopy = (loader: Loader): Loader => ({
  ...loader,
  load: (context) =>
    loader.load({
      ...context,
      store: {
        ...context.store,
        set: ({ rendered, ...entry }) => {
          const { frontmatter: _copy, ...metadata } = rendered?.metadata ?? {};
          return context.store.set({ ...entry, rendered: rendered && { ...rendered, metadata } });
        },
      },
    }),
});

/** A collection typed by its schema, so pages get the schema's output type without casts. */
const collection = <Schema extends z.ZodType>(folder: string, pattern: string, schema: Schema) =>
  defineCollection({
    loader: withoutFrontmatterCopy(glob({ pattern, base: `${contentDir}/${folder}`, generateId: fileStem, retainBody: false })),
    schema,
  });

export const collections = {
  tasks: collection('tasks', '**/*.md', taskSchema),
  units: collection('units', '*.yml', unitSchema),
  ledgers: collection('ledgers', '*.yml', ledgerSchema),
  categories: collection('categories', '*.yml', categorySchema),
  assessments: collection('assessments', '*.yml', assessmentSchema),
  exposures: collection('exposures', '*.md', exposureSchema),
  bulletins: collection('bulletins', '*.md', bulletinSchema),
  supervision: collection('supervision', '*.md', supervisionSchema),
};
