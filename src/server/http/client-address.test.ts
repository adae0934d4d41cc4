import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clientAddressFrom, NO_PROXIES, normaliseAddress, parseTrustedProxies } from './client-address.ts';

const PROXIES = parseTrustedProxies('127.0.0.1, ::1, 10.0.0.0/8, fd00::/8');

describe('normaliseAddress', () => {
  it('writes one address one way', () => {
    expect(normaliseAddress(' 203.0.113.7 ')).toBe('203.0.113.7');
    expect(normaliseAddress('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(normaliseAddress('::FFFF:cb00:7107')).toBe('203.0.113.7');
    expect(normaliseAddress('2001:DB8:0:0:0:0:0:1')).toBe('2001:db8::1');
    expect(normaliseAddress('[2001:db8::1]:443')).toBe('2001:db8::1');
    expect(normaliseAddress('203.0.113.7:51234')).toBe('203.0.113.7');
    expect(normaliseAddress('fe80::1%eth0')).toBe('fe80::1');
  });

  it('refuses what is not an address', () => {
    for (const text of ['', 'unknown', 'evil.example', '1.2.3', '1.2.3.04', '999.1.1.1', '::g', '_hidden', '1.2.3.4 5.6.7.8'])
      expect(normaliseAddress(text), text).toBeNull();
  });
});

describe('parseTrustedProxies', () => {
  it('takes addresses and ranges of both families, and loopback', () => {
    const trusted = parseTrustedProxies('loopback 10.1.0.0/16,2001:db8:1::/48');
    for (const yes of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1', '10.1.200.3', '::ffff:10.1.0.9', '2001:db8:1:ffff::7'])
      expect(trusted.has(yes), yes).toBe(true);
    for (const no of ['10.2.0.1', '2001:db8:2::1', '192.0.2.1', '::2', 'junk']) expect(trusted.has(no), no).toBe(false);
    expect(trusted.entries).toEqual(['127.0.0.0/8', '::1', '10.1.0.0/16', '2001:db8:1::/48']);
  });

  it('matches IPv4-mapped ranges and addresses written either way', () => {
    const trusted = parseTrustedProxies('::ffff:192.0.2.0/120');
    expect(trusted.has('192.0.2.77')).toBe(true);
    expect(trusted.has('::ffff:192.0.2.77')).toBe(true);
    expect(trusted.has('192.0.3.1')).toBe(false);
  });

  it('is empty when nothing is written', () => {
    expect(parseTrustedProxies('').has('127.0.0.1')).toBe(false);
    expect(parseTrustedProxies(' , ').entries).toEqual([]);
  });

  it('names a wrong entry in Chinese', () => {
    expect(() => parseTrustedProxies('127.0.0.1, proxy.local')).toThrow(/TRUSTED_PROXIES 中的「proxy\.local」不是 IP 地址或网段/);
    expect(() => parseTrustedProxies('10.0.0.0/33')).toThrow(/「10\.0\.0\.0\/33」/);
    expect(() => parseTrustedProxies('10.0.0.0/8/8')).toThrow(/不是 IP 地址或网段/);
    expect(() => parseTrustedProxies('::/0')).toThrow(/所有地址/);
  });
});

describe('clientAddressFrom', () => {
  it('ignores the header when the peer is not a trusted proxy', () => {
    expect(clientAddressFrom('198.51.100.4', '203.0.113.7', PROXIES)).toBe('198.51.100.4');
    expect(clientAddressFrom('198.51.100.4', '203.0.113.7', NO_PROXIES)).toBe('198.51.100.4');
    expect(clientAddressFrom('127.0.0.1', '203.0.113.7', NO_PROXIES)).toBe('127.0.0.1');
  });

  it('takes the hop the trusted proxy appended, not the one the client wrote', () => {
    expect(clientAddressFrom('127.0.0.1', '1.2.3.4, 203.0.113.7', PROXIES)).toBe('203.0.113.7');
    expect(clientAddressFrom('::ffff:127.0.0.1', '203.0.113.7', PROXIES)).toBe('203.0.113.7');
  });

  it('skips a chain of trusted proxies', () => {
    expect(clientAddressFrom('10.0.0.2', 'spoof, 203.0.113.7, 10.9.9.9, ::1', PROXIES)).toBe('203.0.113.7');
    expect(clientAddressFrom('10.0.0.2', '2001:DB8::7, fd00::5', PROXIES)).toBe('2001:db8::7');
  });

  it('falls back to the nearest trusted hop when every hop is trusted or one is not an address', () => {
    expect(clientAddressFrom('127.0.0.1', '10.0.0.5', PROXIES)).toBe('10.0.0.5');
    expect(clientAddressFrom('127.0.0.1', '203.0.113.7, garbage, 10.0.0.5', PROXIES)).toBe('10.0.0.5');
    expect(clientAddressFrom('127.0.0.1', '', PROXIES)).toBe('127.0.0.1');
    expect(clientAddressFrom('127.0.0.1', ' , ', PROXIES)).toBe('127.0.0.1');
  });

  it('answers even without a peer', () => {
    expect(clientAddressFrom(undefined, '203.0.113.7', PROXIES)).toBe('unknown');
  });

  const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((parts) => parts.join('.'));
  const ipv6 = fc.ipV6();
  const untrusted = fc.oneof(ipv4, ipv6).filter((a) => normaliseAddress(a) !== null && !PROXIES.has(a));
  const trustedHop = fc.oneof(
    fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255)).map(([a, b, c]) => `10.${a}.${b}.${c}`),
    fc.constantFrom('127.0.0.1', '::1', '::ffff:127.0.0.1', 'fd00::1', 'FD12:3456::9'),
  );
  const anyHop = fc.oneof(fc.string(), ipv4, ipv6, trustedHop, fc.constantFrom('unknown', '[::1]:80', ' ', '_secret'));

  it('whatever the client prepends, the answer is the same', () => {
    fc.assert(
      fc.property(fc.array(anyHop, { maxLength: 6 }), untrusted, fc.array(trustedHop, { maxLength: 3 }), trustedHop, (prepended, client, proxies, peer) => {
        const appended = [client, ...proxies].join(', ');
        const header = prepended.length ? `${prepended.join(',')},${appended}` : appended;
        expect(clientAddressFrom(peer, header, PROXIES)).toBe(normaliseAddress(client));
      }),
    );
  });

  it('whatever the header says, a peer that is not a trusted proxy is the client', () => {
    fc.assert(
      fc.property(untrusted, fc.option(fc.string()), (peer, header) => {
        expect(clientAddressFrom(peer, header, PROXIES)).toBe(normaliseAddress(peer));
      }),
    );
  });
});
