import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { open311Errors, open311Response } from './respond.ts';

/** Parse with a conforming XML 1.0 parser; throws on anything not well-formed. */
function parseXml(text: string): void {
  const parser = new SaxesParser();
  parser.on('error', (error) => {
    throw error;
  });
  parser.write(text).close();
}

describe('Open311 XML', () => {
  it('is well-formed whatever the text carries, and JSON keeps the text exactly', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'binary', maxLength: 40 }),
        fc.string({ unit: fc.constantFrom('\u0001', '\uFFFE', '\uFFFF', '\uD800', '<', '&', ']]>', '中'), maxLength: 10 }),
        async (a, b) => {
          const body = [{ service_request_id: a, status_notes: b, description: `${a}${b}` }];
          parseXml(await open311Response('xml', 'requests', body).text());
          parseXml(await open311Errors('xml', 404, [`service_request_id：没有公开的留言 ${a}${b}`]).text());
          expect(JSON.parse(await open311Response('json', 'requests', body).text())).toEqual(body);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('sends no CORS header itself (the middleware allows cross-origin reads only)', () => {
    expect(open311Response('json', 'requests', []).headers.get('access-control-allow-origin')).toBeNull();
  });
});
