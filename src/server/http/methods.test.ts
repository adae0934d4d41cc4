import { describe, expect, it } from 'vitest';
import { methodVerdict } from './methods.ts';

describe('methods each address takes', () => {
  it('pages, files and feeds are read only: every other method gets 405 with Allow', () => {
    for (const path of ['/', '/tasks/', '/messages/', '/messages/stats', '/messages/LY20261102-0001/', '/open311/v2/services.json', '/pagefind/pagefind.js']) {
      for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'TRACE', 'TRACK', 'PROPFIND', 'CONNECT']) {
        expect(methodVerdict(method, path), `${method} ${path}`).toEqual({ kind: 'refuse', allow: 'GET, HEAD, OPTIONS' });
      }
      expect(methodVerdict('GET', path)).toEqual({ kind: 'pass' });
      expect(methodVerdict('HEAD', path)).toEqual({ kind: 'pass' });
    }
  });

  it('the forms and Open311 creation take POST, and nothing else beyond reading', () => {
    for (const path of [
      '/messages/new',
      '/messages/new/',
      '/messages/track',
      '/messages/rate',
      '/messages/resend-code',
      '/open311/v2/requests.json',
      '/open311/v2/requests.xml',
    ]) {
      expect(methodVerdict('POST', path), path).toEqual({ kind: 'pass' });
      expect(methodVerdict('PUT', path), path).toEqual({ kind: 'refuse', allow: 'GET, HEAD, POST, OPTIONS' });
      expect(methodVerdict('OPTIONS', path), path).toEqual({ kind: 'options', allow: 'GET, HEAD, POST, OPTIONS' });
    }
    expect(methodVerdict('POST', '/open311/v2/requests/LY20261102-0001.json').kind).toBe('refuse');
    expect(methodVerdict('POST', '/messages/newer').kind).toBe('refuse');
  });

  it('the rebuild webhook takes POST only: it has nothing to read', () => {
    for (const path of ['/hooks/rebuild', '/hooks/rebuild/']) {
      expect(methodVerdict('POST', path), path).toEqual({ kind: 'pass' });
      for (const method of ['GET', 'HEAD', 'PUT', 'PATCH'])
        expect(methodVerdict(method, path), `${method} ${path}`).toEqual({ kind: 'refuse', allow: 'POST, OPTIONS' });
    }
    expect(methodVerdict('POST', '/hooks/rebuild-now').kind).toBe('refuse');
    expect(methodVerdict('POST', '/hooks/').kind).toBe('refuse');
  });
});
