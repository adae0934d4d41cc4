import { describe, expect, it } from 'vitest';
import { bundleOfPart } from '../../lib/search/index-parts.ts';
import { brotliQuality, cacheControlFor, chooseEncoding, contentTypeOf, fileForPath, isCompressible } from './static-rules.ts';

const IMMUTABLE = 'public, max-age=31536000, immutable';

describe('cache rules', () => {
  it('files named by a hash of their content are immutable for a year', () => {
    for (const path of [
      '/_astro/Base.BVaV5x9a.css',
      '/_astro/chart-draw.CY8Uik6u.js',
      '/pagefind/fragment/zh-cn_11e2d3c.pf_fragment',
      '/pagefind/index/zh-cn_2a83307.pf_index',
      '/pagefind/filter/zh-cn_1733eb4.pf_filter',
      '/pagefind/pagefind.zh-cn_a1db1da9b22d4.pf_meta',
      '/pagefind/parts/2/fragment/zh-cn_0f1e2d3.pf_fragment',
      '/pagefind/parts/12/index/zh-cn_2a83307.pf_index',
      '/pagefind/parts/3/pagefind.zh-cn_85211facb3e9c.pf_meta',
    ]) {
      expect(cacheControlFor(path), path).toBe(IMMUTABLE);
    }
  });

  it('pages, feeds, data, Pagefind’s loader and wasm and the CMS bundle revalidate', () => {
    for (const path of [
      '/index.html',
      '/tasks/MS-2026-001/index.html',
      '/bulletins/feed.rss',
      '/units/baisha-town/feed.atom',
      '/calendar.ics',
      '/data/tasks.json',
      '/data/tasks.csv',
      '/sitemap-0.xml',
      '/robots.txt',
      '/favicon.svg',
      '/pagefind/pagefind.js',
      '/pagefind/pagefind-worker.js',
      '/pagefind/pagefind-entry.json',
      '/pagefind/wasm.unknown.pagefind',
      '/pagefind/parts.json',
      '/pagefind/parts/2/pagefind-entry.json',
      '/admin/decap/decap-cms.js',
      '/admin/decap/103.decap-cms.js',
      '/attachments/report.pdf',
    ]) {
      expect(cacheControlFor(path), path).toBe('no-cache');
    }
  });

  it('every part of the search index, where the build writes it, has its chunks cached like the first', () => {
    for (const part of [1, 2, 7, 31]) {
      expect(cacheControlFor(`${bundleOfPart(part)}index/zh-cn_2a83307.pf_index`), `part ${part}`).toBe(IMMUTABLE);
      expect(cacheControlFor(`${bundleOfPart(part)}pagefind-entry.json`), `part ${part}`).toBe('no-cache');
    }
  });

  it('a look-alike outside the hashed folders is not immutable', () => {
    expect(cacheControlFor('/tasks/_astro/x.js')).toBe('no-cache');
    expect(cacheControlFor('/pagefind/fragment/notes.txt')).toBe('no-cache');
    expect(cacheControlFor('/pagefind/parts/x/index/zh-cn_2a83307.pf_index')).toBe('no-cache');
    expect(cacheControlFor('/pagefind/parts/2/parts/3/index/zh-cn_2a83307.pf_index')).toBe('no-cache');
  });
});

describe('what is compressed, and as what type', () => {
  it('text types of 1 KB and more are; small files, images, PDFs and Pagefind’s gzip chunks are not', () => {
    expect(isCompressible('/index.html', 20_000)).toBe(true);
    expect(isCompressible('/units/x/feed.atom', 4000)).toBe(true);
    expect(isCompressible('/calendar.ics', 157_000)).toBe(true);
    expect(isCompressible('/robots.txt', 1023)).toBe(false);
    expect(isCompressible('/robots.txt', 1024)).toBe(true);
    for (const path of ['/attachments/a.pdf', '/emblem.png', '/pagefind/index/zh-cn_1.pf_index', '/pagefind/wasm.unknown.pagefind', '/admin/decap/VERSION']) {
      expect(isCompressible(path, 100_000), path).toBe(false);
    }
  });

  it('the type is the file’s own, with a charset for text, whatever the encoding sent', () => {
    expect(contentTypeOf('/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('/_astro/a.B1.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('/bulletins/feed.rss')).toBe('application/rss+xml; charset=utf-8');
    expect(contentTypeOf('/data/tasks.csv')).toBe('text/csv; charset=utf-8');
    expect(contentTypeOf('/FILE.HTML')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('/attachments/a.pdf')).toBeUndefined();
    expect(contentTypeOf('/.html')).toBeUndefined();
  });
});

describe('choosing an encoding from Accept-Encoding', () => {
  const both = ['br', 'gzip'] as const;

  it('a browser’s usual header gets Brotli; gzip only gets gzip; none gets the file as it is', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd', both)).toBe('br');
    expect(chooseEncoding('gzip, deflate', both)).toBe('gzip');
    expect(chooseEncoding('x-gzip', both)).toBe('gzip');
    expect(chooseEncoding('identity', both)).toBe('identity');
    expect(chooseEncoding('', both)).toBe('identity');
    expect(chooseEncoding(undefined, both)).toBe('identity');
  });

  it('weights are honoured, q=0 refuses, and * stands for the codings not named', () => {
    expect(chooseEncoding('br;q=0.5, gzip;q=0.9', both)).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip', both)).toBe('gzip');
    expect(chooseEncoding('BR;Q=0, *', both)).toBe('gzip');
    expect(chooseEncoding('*', both)).toBe('br');
    expect(chooseEncoding('*;q=0, identity', both)).toBe('identity');
    expect(chooseEncoding('gzip;q=0, br;q=0', both)).toBe('identity');
    expect(chooseEncoding('br;q=abc, gzip', both)).toBe('gzip');
  });

  it('only the copies that exist are offered', () => {
    expect(chooseEncoding('br, gzip', ['gzip'])).toBe('gzip');
    expect(chooseEncoding('br', ['gzip'])).toBe('identity');
    expect(chooseEncoding('br, gzip', [])).toBe('identity');
  });
});

describe('the file an address names', () => {
  const files = new Set(['/index.html', '/tasks/index.html', '/tasks/MS-2026-001/index.html', '/_astro/a.css', '/calendar.ics']);
  const has = (p: string) => files.has(p);

  it('a file by its name, a folder by its index.html with or without the slash', () => {
    expect(fileForPath('/', has)).toBe('/index.html');
    expect(fileForPath('/index.html', has)).toBe('/index.html');
    expect(fileForPath('/tasks/', has)).toBe('/tasks/index.html');
    expect(fileForPath('/tasks', has)).toBe('/tasks/index.html');
    expect(fileForPath('/tasks/MS-2026-001/', has)).toBe('/tasks/MS-2026-001/index.html');
    expect(fileForPath('/_astro/a.css', has)).toBe('/_astro/a.css');
    expect(fileForPath('/calendar.ics', has)).toBe('/calendar.ics');
  });

  it('anything else goes on to the on-demand routes: unknown names, a file with a slash, dot segments', () => {
    expect(fileForPath('/messages/', has)).toBeUndefined();
    expect(fileForPath('/calendar.ics/', has)).toBeUndefined();
    expect(fileForPath('/tasks/../index.html', has)).toBeUndefined();
    expect(fileForPath('/.env', has)).toBeUndefined();
    expect(fileForPath('/tasks\0/', has)).toBeUndefined();
    expect(fileForPath('tasks/', has)).toBeUndefined();
  });
});

describe('brotliQuality', () => {
  it('gives the hashed styles and scripts the best quality, big ones 9, and the many pages, feeds and data 5', () => {
    expect(brotliQuality('/_astro/Base.Bx1.css', 20_000)).toBe(11);
    expect(brotliQuality('/_astro/chart-draw.CY8.js', 300 * 1024)).toBe(9);
    expect(brotliQuality('/tasks/ND-2026-001/index.html', 15_000)).toBe(5);
    expect(brotliQuality('/units/housing/feed.xml', 8_000)).toBe(5);
    expect(brotliQuality('/admin/decap-cms.js', 5_000_000)).toBe(5);
  });
});
