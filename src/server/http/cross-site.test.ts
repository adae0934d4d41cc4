import { describe, expect, it } from 'vitest';
import { crossSiteRefusal, type OurSite } from './cross-site.ts';

const HOST = 'duban.example.org';
/** Reached straight from the browser, at the configured address. */
const DIRECT: OurSite = { publicOrigin: `https://${HOST}`, host: HOST, direct: true };
/** Behind a trusted proxy that rewrites Host to where it sends the request. */
const PROXIED: OurSite = { publicOrigin: `https://${HOST}`, host: '127.0.0.1:4321', direct: false };

describe('cross-site posts', () => {
  it('lets reads through from anywhere', () => {
    for (const origin of [null, 'null', 'https://evil.example']) expect(crossSiteRefusal('GET', '/open311/v2/requests.json', origin, DIRECT)).toBeNull();
  });

  it('lets our own forms post, and browsers or tools that send no Origin', () => {
    for (const path of ['/messages/new', '/messages/track', '/messages/rate']) {
      expect(crossSiteRefusal('POST', path, `https://${HOST}`, DIRECT)).toBeNull();
      expect(crossSiteRefusal('POST', path, `http://${HOST}`, DIRECT)).toBeNull();
      expect(crossSiteRefusal('POST', path, null, DIRECT)).toBeNull();
    }
  });

  it('refuses form posts from another site', () => {
    for (const site of [DIRECT, PROXIED])
      for (const path of ['/messages/new', '/messages/track', '/messages/rate', '/messages/resend-code'])
        expect(crossSiteRefusal('POST', path, 'https://evil.example', site)).toMatch(/跨站提交已被拒绝/);
  });

  it('refuses Origin: null on a post that changes something, but not on a tracking look-up', () => {
    expect(crossSiteRefusal('POST', '/messages/rate', 'null', DIRECT)).toMatch(/来源不明/);
    expect(crossSiteRefusal('POST', '/messages/new', 'null', DIRECT)).toMatch(/来源不明/);
    // Asking for a new query code replaces the old one: a change.
    expect(crossSiteRefusal('POST', '/messages/resend-code', 'null', DIRECT)).toMatch(/来源不明/);
    expect(crossSiteRefusal('POST', '/messages/track', 'null', DIRECT)).toBeNull();
    expect(crossSiteRefusal('POST', '/messages/track/', 'null', DIRECT)).toBeNull();
  });

  it('refuses any browser post to Open311: API clients are servers and send no Origin', () => {
    for (const origin of ['https://evil.example', 'null', `https://${HOST}`])
      expect(crossSiteRefusal('POST', '/open311/v2/requests.json', origin, DIRECT)).toMatch(/Open311/);
    expect(crossSiteRefusal('POST', '/open311/v2/requests.json', null, DIRECT)).toBeNull();
  });
});

describe('our site is the public origin, whatever the proxy does to Host', () => {
  it('accepts the public origin behind a proxy that rewrote Host', () => {
    expect(crossSiteRefusal('POST', '/messages/new', `https://${HOST}`, PROXIED)).toBeNull();
    // nginx's $host drops the port: the public origin still matches.
    expect(
      crossSiteRefusal('POST', '/messages/new', 'https://localhost:4443', { publicOrigin: 'https://localhost:4443/', host: 'localhost', direct: false }),
    ).toBeNull();
  });

  it('compares the whole public origin: scheme and port too', () => {
    expect(crossSiteRefusal('POST', '/messages/new', `http://${HOST}`, PROXIED)).toMatch(/跨站/);
    expect(crossSiteRefusal('POST', '/messages/new', `https://${HOST}:8443`, PROXIED)).toMatch(/跨站/);
    expect(crossSiteRefusal('POST', '/messages/new', `https://${HOST}:443`, PROXIED)).toBeNull();
  });

  it('behind a proxy, an Origin matching only the rewritten Host is not ours', () => {
    expect(crossSiteRefusal('POST', '/messages/new', 'http://127.0.0.1:4321', PROXIED)).toMatch(/跨站/);
  });

  it('straight from the browser, its own Host counts too (localhost against 127.0.0.1, another port)', () => {
    const laptop: OurSite = { publicOrigin: 'http://localhost:4321', host: '127.0.0.1:4321', direct: true };
    expect(crossSiteRefusal('POST', '/messages/new', 'http://127.0.0.1:4321', laptop)).toBeNull();
    expect(crossSiteRefusal('POST', '/messages/new', 'http://localhost:4321', laptop)).toBeNull();
    expect(crossSiteRefusal('POST', '/messages/new', 'http://127.0.0.1:9999', laptop)).toMatch(/跨站/);
    expect(crossSiteRefusal('POST', '/messages/new', 'http://LOCALHOST:4321', { ...laptop, host: 'localhost:4321' })).toBeNull();
  });

  it('an Origin that is not a URL is refused', () => {
    expect(crossSiteRefusal('POST', '/messages/new', 'duban.example.org', DIRECT)).toMatch(/跨站/);
  });
});
