import { describe, expect, it } from 'vitest';
import { crossSiteRefusal } from './cross-site.ts';

const HOST = 'duban.example.org';

describe('cross-site posts', () => {
  it('lets reads through from anywhere', () => {
    for (const origin of [null, 'null', 'https://evil.example']) expect(crossSiteRefusal('GET', '/open311/v2/requests.json', origin, HOST)).toBeNull();
  });

  it('lets our own forms post, and browsers or tools that send no Origin', () => {
    for (const path of ['/messages/new', '/messages/track', '/messages/rate']) {
      expect(crossSiteRefusal('POST', path, `https://${HOST}`, HOST)).toBeNull();
      expect(crossSiteRefusal('POST', path, `http://${HOST}`, HOST)).toBeNull();
      expect(crossSiteRefusal('POST', path, null, HOST)).toBeNull();
    }
  });

  it('refuses form posts from another site', () => {
    for (const path of ['/messages/new', '/messages/track', '/messages/rate', '/messages/resend-code'])
      expect(crossSiteRefusal('POST', path, 'https://evil.example', HOST)).toMatch(/跨站提交已被拒绝/);
  });

  it('refuses Origin: null on a post that changes something, but not on a tracking look-up', () => {
    expect(crossSiteRefusal('POST', '/messages/rate', 'null', HOST)).toMatch(/来源不明/);
    expect(crossSiteRefusal('POST', '/messages/new', 'null', HOST)).toMatch(/来源不明/);
    // Asking for a new query code replaces the old one: a change.
    expect(crossSiteRefusal('POST', '/messages/resend-code', 'null', HOST)).toMatch(/来源不明/);
    expect(crossSiteRefusal('POST', '/messages/track', 'null', HOST)).toBeNull();
    expect(crossSiteRefusal('POST', '/messages/track/', 'null', HOST)).toBeNull();
  });

  it('refuses any browser post to Open311: API clients are servers and send no Origin', () => {
    for (const origin of ['https://evil.example', 'null', `https://${HOST}`])
      expect(crossSiteRefusal('POST', '/open311/v2/requests.json', origin, HOST)).toMatch(/Open311/);
    expect(crossSiteRefusal('POST', '/open311/v2/requests.json', null, HOST)).toBeNull();
  });
});
