import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { adminPolicy, cmsOrigins, inlineScriptHashes, pagePolicy, PERMISSIONS_POLICY, securityHeaders, sourceInlineScripts } from './security-headers.ts';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const directive = (policy: string, name: string) => policy.split('; ').find((d) => d.startsWith(`${name} `)) ?? '';

describe('hashes of inline scripts', () => {
  it('hashes each inline script exactly as written, once, and skips scripts with src and data blocks', () => {
    const mark = "\n      if ('noModule' in HTMLScriptElement.prototype) document.documentElement.classList.add('js');\n    ";
    const html = [
      `<head><script>${mark}</script>`,
      '<script type="module" src="/_astro/a.js"></script>',
      '<script type="application/ld+json">{"@type":"WebSite"}</script>',
      `</head><body><script>${mark}</script>`,
      '<script type="module">var e=document.querySelector(`form`);</script>',
      "<SCRIPT TYPE='text/javascript'>x()</SCRIPT >",
      '<noscript><style>.a{}</style></noscript></body>',
    ].join('');
    expect(inlineScriptHashes(html)).toEqual([sha(mark), sha('var e=document.querySelector(`form`);'), sha('x()')]);
  });

  it('a page without inline scripts has none', () => {
    expect(inlineScriptHashes('<html><script src="/admin/decap/decap-cms.js"></script></html>')).toEqual([]);
  });
});

describe('the public pages’ policy', () => {
  const policy = pagePolicy(["'sha256-AAA='", "'sha256-BBB='"]);

  it('runs scripts from this site and the hashed inline scripts only, never unsafe-inline or eval', () => {
    expect(directive(policy, 'script-src')).toBe("script-src 'self' 'wasm-unsafe-eval' 'sha256-AAA=' 'sha256-BBB='");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(policy).not.toMatch(/'unsafe-eval'/);
  });

  it('cannot be framed, posts forms only here, loads no plugins and no base element', () => {
    for (const part of ["frame-ancestors 'none'", "form-action 'self'", "object-src 'none'", "base-uri 'none'", "default-src 'self'"]) {
      expect(policy).toContain(part);
    }
  });

  it('lets the ALTCHA widget start its blob: worker, Pagefind its worker, and style attributes stand', () => {
    expect(directive(policy, 'worker-src')).toBe("worker-src 'self' blob:");
    expect(directive(policy, 'style-src')).toBe("style-src 'self' 'unsafe-inline'");
    expect(directive(policy, 'connect-src')).toBe("connect-src 'self'");
  });
});

describe('the CMS', () => {
  it('talks to the git host named in its configuration, and to a local proxy when one is set', () => {
    expect(cmsOrigins({ backend: { name: 'gitea', api_root: 'https://git.example.gov.cn/api/v1', base_url: 'https://git.example.gov.cn' } })).toEqual([
      'https://git.example.gov.cn',
    ]);
    expect(cmsOrigins({ backend: { name: 'github', base_url: 'https://oauth.example.gov.cn/' } })).toEqual([
      'https://api.github.com',
      'https://oauth.example.gov.cn',
      'https://raw.githubusercontent.com',
    ]);
    expect(cmsOrigins({ backend: { name: 'gitlab' } })).toEqual(['https://gitlab.com']);
    expect(cmsOrigins({ backend: { name: 'gitea' }, local_backend: { url: 'http://localhost:8093/api/v1' } })).toEqual(['http://localhost:8093']);
    expect(cmsOrigins({ backend: { name: 'gitea' }, local_backend: true })).toEqual(['http://localhost:8081']);
  });

  it('ignores what is not an http(s) address, and a missing configuration', () => {
    expect(cmsOrigins({ backend: { name: 'gitea', api_root: 'javascript:alert(1)', base_url: 'not a url' } })).toEqual([]);
    expect(cmsOrigins(undefined)).toEqual([]);
  });

  it('gets eval for Decap and its git host, but is no more frameable than the rest', () => {
    const policy = adminPolicy(["'sha256-AAA='"], ['https://git.example.gov.cn']);
    expect(directive(policy, 'script-src')).toBe("script-src 'self' 'unsafe-eval' 'sha256-AAA='");
    expect(directive(policy, 'connect-src')).toBe("connect-src 'self' https://git.example.gov.cn");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
  });
});

describe('headers on every response', () => {
  const settings = { pagePolicy: 'PAGE', adminPolicy: 'ADMIN', siteUrl: 'http://localhost:4321' };

  it('every path gets nosniff, no framing, a referrer policy and the permissions policy', () => {
    for (const path of ['/', '/tasks/', '/messages/new', '/_astro/a.js', '/console/', '/no-such-page']) {
      const headers = securityHeaders(path, settings);
      expect(headers['Content-Security-Policy'], path).toBe('PAGE');
      expect(headers['X-Content-Type-Options']).toBe('nosniff');
      expect(headers['X-Frame-Options']).toBe('DENY');
      expect(headers['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
      expect(headers['Permissions-Policy']).toBe(PERMISSIONS_POLICY);
    }
  });

  it('the CMS gets its own policy', () => {
    for (const path of ['/admin', '/admin/', '/admin/index.html', '/admin/decap/decap-cms.js'])
      expect(securityHeaders(path, settings)['Content-Security-Policy']).toBe('ADMIN');
    expect(securityHeaders('/administration/', settings)['Content-Security-Policy']).toBe('PAGE');
  });

  it('HSTS only when the public address is https', () => {
    expect(securityHeaders('/', settings)['Strict-Transport-Security']).toBeUndefined();
    expect(securityHeaders('/', { ...settings, siteUrl: 'https://duban.example.gov.cn' })['Strict-Transport-Security']).toBe('max-age=31536000');
  });

  it('denies camera, microphone and location, and names no feature speech needs', () => {
    for (const feature of ['camera=()', 'microphone=()', 'geolocation=()', 'payment=()']) expect(PERMISSIONS_POLICY).toContain(feature);
    expect(PERMISSIONS_POLICY).not.toMatch(/speaker|speech|autoplay/);
  });
});

describe('inline scripts written in the source', () => {
  it('takes each is:inline script’s text as Astro copies it, and skips files, define:vars and processed scripts', () => {
    const astro = [
      '---',
      "import Base from '../layouts/Base.astro';",
      '---',
      '<script is:inline>',
      '  mark();',
      '</script>',
      '<script is:inline src="/admin/decap/decap-cms.js" />',
      '<script is:inline src="/a.js"></script>',
      '<script is:inline define:vars={{ x }}>use(x)</script>',
      "<script>import './bundled';</script>",
      '<div><script is:inline>second()</script></div>',
    ].join('\n');
    expect(sourceInlineScripts(astro)).toEqual(['\n  mark();\n', 'second()']);
  });

  it('hashes the same text the same whether found in the source or in a built page', () => {
    const [text] = sourceInlineScripts('<script is:inline>\n  go();\n</script>');
    expect(inlineScriptHashes(`<html><script>${text}</script></html>`)).toEqual([sha(text!)]);
  });

  it('finds the same hashes in a page read as latin1 bytes as in the page read as UTF-8, Chinese and emoji in the scripts included', () => {
    const page = '<html><title>督办公开</title><script>const 句末 = /[。！？]/; say("朗读 🔊")</script><script type="module">x()</script></html>';
    const bytes = Buffer.from(page, 'utf8');
    expect(inlineScriptHashes(bytes.toString('latin1'), 'latin1')).toEqual(inlineScriptHashes(page));
    expect(inlineScriptHashes(page)[0]).toBe(sha('const 句末 = /[。！？]/; say("朗读 🔊")'));
  });
});
