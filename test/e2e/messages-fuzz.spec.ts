/**
 * Property test of the form and the Open311 endpoints over real HTTP: thousands of random and
 * hostile payloads, odd methods and out-of-range dates, and not one 5xx. Whatever is accepted is
 * stored exactly as sent (after the documented trim and line-break normalisation) and shown
 * escaped, never as markup; every XML answer is parsed by a conforming XML parser.
 */
import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import Database from 'better-sqlite3';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { maskText } from '../../src/lib/messages/masking';
import { plainTextProblem } from '../../src/lib/messages/submission';
import { solvedProof, startServer, type TestServer } from './spawn-server';

test.describe.configure({ mode: 'serial' });
test.setTimeout(240_000);

let server: TestServer;
test.beforeAll(async () => {
  server = await startServer(4611);
});
test.afterAll(async () => {
  await server.kill('SIGTERM');
});

const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'; DROP TABLE messages; --",
  '\u0000',
  '\u202Eevil',
  '{{7*7}}${7*7}',
  '%00%0d%0a',
  '../../etc/passwd',
  'a'.repeat(5000),
  '𠀀𠀁😀👨‍👩‍👧',
  ' \n\t ',
  '&lt;b&gt;',
  'a < b && c > d',
  '"quoted" \'single\'',
  '\r\n\r\n',
  'javascript:alert(1)',
];
const text = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
);
const anyValue = fc.oneof(
  text,
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(text, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), text, { maxKeys: 2 }),
);
/** Text the rules accept, drawn from all of Unicode (emoji, CJK extensions, quotes, < and &), so round-trips are tested on strange but legal input. */
const acceptable = (min: number, max: number, multiline: boolean) =>
  fc
    .string({
      unit: fc.oneof(fc.constantFrom('<', '>', '&', '"', "'", ' ', '中', '文', '\\', '%', '\n'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })),
      minLength: min,
      maxLength: max,
    })
    .filter((s) => plainTextProblem('x', s.replace(/\r\n?/g, '\n').trim(), { min, max, multiline }) === null);
const validTitle = acceptable(4, 40, false);
const validContent = acceptable(10, 300, true);
const type = fc.oneof(fc.constantFrom('consultation', 'help', 'complaint', 'suggestion', 'report'), text);

/** Form fields: either all acceptable (so the accepted path is exercised) or any mix of plausible, hostile and missing. */
const validFields = fc.record({
  type: fc.constantFrom('consultation', 'help', 'complaint', 'suggestion', 'report'),
  title: validTitle,
  content: validContent,
  name: fc.oneof(fc.constantFrom('', '张三', '欧阳娜娜'), acceptable(1, 20, false)),
  phone: fc.constantFrom('13800000000', '+86 139-0000-0000', '15912345678'),
  consent: fc.constantFrom('yes', ''),
  unit: fc.constantFrom('', 'water', 'housing'),
});
const mixedFields = fc.record(
  {
    type,
    title: fc.oneof(validTitle, text),
    content: fc.oneof(validContent, text),
    name: fc.oneof(fc.constantFrom('', '张三', '欧阳娜娜'), text),
    phone: fc.oneof(fc.constantFrom('13800000000', '+86 139-0000-0000', ''), text),
    email: fc.oneof(fc.constantFrom('', 'a@example.com'), text),
    consent: fc.constantFrom('yes', '', 'on', 'no'),
    unit: fc.oneof(fc.constantFrom('', 'water', 'housing'), text),
    task: fc.oneof(fc.constantFrom('', 'MS-2026-001'), text),
    idempotency_key: fc.oneof(fc.constant(undefined), fc.stringMatching(/^[A-Za-z0-9_-]{16,40}$/), text),
  },
  { requiredKeys: [] },
);
const formFields = fc.oneof(validFields, mixedFields);

/** Throws unless `xml` is a well-formed XML 1.0 document. */
function parseXml(xml: string, where: string): void {
  const parser = new SaxesParser();
  parser.on('error', (error) => {
    throw new Error(`${where}: ${error.message}`);
  });
  parser.write(xml).close();
}

/** Any method, including those fetch refuses to send (TRACE, CONNECT, TRACK); the status code only. */
function statusOf(method: string, path: string): Promise<{ status: number; allow: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${server.url}${path}`, { method }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode!, allow: res.headers.allow }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Astro's text escaping (html-escaper): the five characters that matter in HTML. */
function escapeHtml(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll("'", '&#39;').replaceAll('"', '&quot;');
}

/** Check an accepted message: stored exactly, shown escaped on the tracking page. */
async function checkAccepted(number: string, code: string, sent: { title: string; content: string }) {
  const db = new Database(join(server.dataDir, 'duban.sqlite'), { readonly: true });
  const row = db.prepare('select title, content, author_name from messages where number = ?').get(number) as {
    title: string;
    content: string;
    author_name: string | null;
  };
  db.close();
  const normalise = (s: string) => s.replace(/\r\n?/g, '\n').trim();
  expect(row.title).toBe(normalise(sent.title));
  expect(row.content).toBe(normalise(sent.content));
  const page = await fetch(`${server.url}/messages/track`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ number, code }),
  });
  expect(page.status).toBe(200);
  const html = await page.text();
  // The (masked) content must appear exactly in its escaped form: shown as text, never as markup.
  expect(html).toContain(escapeHtml(maskText(row.content, row.author_name)));
}

test('the message form answers every payload with a 2xx or 4xx, and what it accepts round-trips', async () => {
  let accepted = 0;
  await fc.assert(
    fc.asyncProperty(formFields, fc.boolean(), fc.constantFrom('form', 'json', 'garbage'), async (fields, withProof, encoding) => {
      const body: Record<string, unknown> = { ...fields };
      if (withProof) body.altcha = await solvedProof(server.url);
      let init: RequestInit;
      if (encoding === 'json') init = { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } };
      else if (encoding === 'garbage')
        init = { body: `${JSON.stringify(body).slice(0, 50)}\u0000%%%`, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } };
      else
        init = {
          body: new URLSearchParams(
            Object.entries(body).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : v === undefined ? [] : [[k, JSON.stringify(v)]])),
          ),
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        };
      const response = await fetch(`${server.url}/messages/new`, { method: 'POST', ...init });
      const html = await response.text();
      expect(response.status, html.slice(0, 300)).toBeLessThan(500);
      // Hostile text may come back inside a quoted attribute (the kept form value), where it is inert; outside attributes it must never be markup.
      const outsideAttributes = html.replace(/="[^"]*"/g, '=""');
      expect(outsideAttributes).not.toContain('<script>alert(1)</script>');
      expect(outsideAttributes).not.toContain('<img src=x onerror');
      if (response.status === 201) {
        accepted += 1;
        const number = /id="receipt-number">([^<]+)</.exec(html)![1]!;
        const code = /id="receipt-code">([^<]+)</.exec(html)![1]!;
        await checkAccepted(number, code, { title: String(fields.title), content: String(fields.content) });
      }
    }),
    { numRuns: 1200 },
  );
  expect(accepted).toBeGreaterThan(20);
});

test('the Open311 endpoints answer every payload with a 2xx or 4xx, in JSON and XML', async () => {
  let accepted = 0;
  const validOpen311 = fc.record({
    service_code: fc.constantFrom('consultation', 'complaint'),
    description: validContent,
    last_name: fc.constantFrom('张', '', '欧阳'),
    first_name: fc.constantFrom('三', ''),
    phone: fc.constant('13800000000'),
    'attribute[title]': validTitle,
    'attribute[consent]': fc.constantFrom('yes', 'no'),
  });
  const mixedOpen311 = fc.record(
    {
      service_code: type,
      description: fc.oneof(validContent, text),
      first_name: fc.oneof(fc.constantFrom('三', ''), text),
      last_name: fc.oneof(fc.constantFrom('张', ''), text),
      phone: fc.oneof(fc.constant('13800000000'), text),
      email: fc.oneof(fc.constant(''), text),
      'attribute[title]': fc.oneof(validTitle, text),
      'attribute[consent]': fc.oneof(fc.constantFrom('yes', 'no', ''), anyValue),
      'attribute[unit]': fc.oneof(fc.constant('water'), anyValue),
      lat: anyValue,
    },
    { requiredKeys: [] },
  );
  const open311 = fc.oneof(validOpen311, mixedOpen311);
  await fc.assert(
    fc.asyncProperty(open311, fc.boolean(), fc.constantFrom('json', 'xml'), fc.constantFrom('form', 'json'), async (fields, withProof, format, encoding) => {
      const body: Record<string, unknown> = { ...fields };
      if (withProof) body.altcha = await solvedProof(server.url);
      const init: RequestInit =
        encoding === 'json'
          ? { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }
          : {
              body: new URLSearchParams(Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? v : (JSON.stringify(v) ?? '')])),
              headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
            };
      const response = await fetch(`${server.url}/open311/v2/requests.${format}`, { method: 'POST', ...init });
      const text = await response.text();
      expect(response.status, text.slice(0, 300)).toBeLessThan(500);
      expect(response.headers.get('content-type')).toContain(format === 'json' ? 'application/json' : 'application/xml');
      if (format === 'xml') parseXml(text, 'POST requests.xml');
      if (response.status === 201) accepted += 1;
      else expect(text).toMatch(format === 'json' ? /"description"/ : /<description>/);
    }),
    { numRuns: 1200 },
  );
  expect(accepted).toBeGreaterThan(20);

  // Reading: hostile query strings, ids and dates (out of range too) get 4xx or an empty list, never a 5xx; XML always parses.
  const anyDate = fc.oneof(
    fc.string({ maxLength: 60 }),
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.integer({ min: -8_640_000_000_000_000, max: 8_640_000_000_000_000 }).map((t) => new Date(t).toISOString()),
    fc.constantFrom('-271821-04-20T00:00:00Z', '+275760-09-13T00:00:00Z', '0000-01-01', '9999-12-31T23:59:59Z', '2026-02-30', '2026-11-23T25:61:00+08:00'),
  );
  await fc.assert(
    fc.asyncProperty(fc.string({ maxLength: 60 }), anyDate, anyDate, fc.constantFrom('json', 'xml'), async (a, start, end, format) => {
      for (const path of [
        `/open311/v2/requests.${format}?status=${encodeURIComponent(a)}&start_date=${encodeURIComponent(start)}`,
        `/open311/v2/requests.${format}?start_date=${encodeURIComponent(start)}&end_date=${encodeURIComponent(end)}`,
        `/open311/v2/requests/${encodeURIComponent(a || 'x')}.${format}`,
        `/open311/v2/services/${encodeURIComponent(a || 'x')}.${format}`,
        `/messages/?q=${encodeURIComponent(a)}&month=${encodeURIComponent(start)}&page=${encodeURIComponent(end)}`,
      ]) {
        const response = await fetch(`${server.url}${path}`);
        expect(response.status, path).toBeLessThan(500);
        const type = response.headers.get('content-type') ?? '';
        if (path.includes('.xml') && response.status < 300) expect(type, path).toContain('application/xml');
        if (type.includes('xml')) parseXml(await response.text(), path);
      }
    }),
    { numRuns: 300 },
  );
});

test('odd and unknown methods on every kind of route get 405 with Allow, never a 5xx', async () => {
  const method = fc.oneof(
    fc.constantFrom('TRACE', 'TRACK', 'PUT', 'DELETE', 'PATCH', 'PROPFIND', 'MKCOL', 'LOCK', 'PURGE', 'OPTIONS', 'GET', 'HEAD', 'POST'),
    fc.stringMatching(/^[A-Z]{3,10}$/),
  );
  const path = fc.constantFrom(
    '/',
    '/tasks/',
    '/exposures/',
    '/messages/',
    '/messages/new',
    '/messages/track',
    '/messages/rate',
    '/messages/stats',
    '/messages/challenge',
    '/open311/v2/services.json',
    '/open311/v2/requests.xml',
    '/open311/v2/requests/LY20261102-0001.json',
    '/no-such-page',
  );
  await fc.assert(
    fc.asyncProperty(method, path, async (m, p) => {
      const { status, allow } = await statusOf(m, p);
      expect(status, `${m} ${p}`).toBeLessThan(500);
      if (!['GET', 'HEAD', 'POST', 'OPTIONS'].includes(m)) {
        expect(status, `${m} ${p}`).toBe(405);
        expect(allow, `${m} ${p}`).toMatch(/^GET, HEAD/);
      }
    }),
    { numRuns: 400 },
  );
});

test('oversize bodies are refused before parsing, and unknown content types named', async () => {
  const big = 'x'.repeat(200_000);
  for (const path of ['/messages/new', '/open311/v2/requests.json', '/messages/track']) {
    const response = await fetch(`${server.url}${path}`, {
      method: 'POST',
      body: `content=${big}`,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(response.status, path).toBe(413);
  }
  const xml = await fetch(`${server.url}/open311/v2/requests.json`, { method: 'POST', body: '<a/>', headers: { 'Content-Type': 'text/xml' } });
  expect(xml.status).toBe(415);
});
