/**
 * Whose request is this? The client address that every per-client limit counts (submissions,
 * look-ups, resends, sign-in failures, page reads) comes from here and nowhere else.
 *
 * Without a proxy it is the address of the socket. Behind reverse proxies the socket is the proxy,
 * and `X-Forwarded-For` lists the hops: whatever the client wrote first, then one address appended
 * by each proxy, the nearest last. Only the entries appended by proxies we trust are facts, so:
 *
 * - the header counts only when the socket's peer is a trusted proxy (TRUSTED_PROXIES); from anyone
 *   else it is ignored, since anyone can send it;
 * - walking it from the right, trusted proxies are skipped, and the first address that is not a
 *   trusted proxy is the client: the hop our outermost trusted proxy saw and appended. Anything to
 *   its left was written by the client (or by proxies we do not know) and is never read, so a client
 *   cannot choose its own address by prepending hops;
 * - an entry that is not an IP address where a trusted proxy should have written one means the chain
 *   is not what we were told; the nearest address we do know (a trusted proxy) answers for it.
 *
 * Addresses are compared and returned in one form: IPv4-mapped IPv6 (`::ffff:10.0.0.1`, what a
 * dual-stack socket reports) as IPv4, IPv6 lower-case and compressed (RFC 5952), ports and zone ids
 * dropped, so one client is one key. Matching uses Node's `net.BlockList`, which also matches
 * IPv4-mapped addresses against IPv4 ranges.
 */
import { BlockList, isIP } from 'node:net';

/** The proxies whose `X-Forwarded-For` entries are believed, as configured. */
export interface TrustedProxies {
  /** The entries as configured (`loopback` expanded), for the start-up log. */
  readonly entries: readonly string[];
  /** Whether this address (any written form) is one of them. */
  has(address: string): boolean;
}

/** Loopback, the proxy on the same machine: what `TRUSTED_PROXIES=loopback` and the older `TRUST_PROXY=1` mean. */
export const LOOPBACK = ['127.0.0.0/8', '::1'] as const;

export const NO_PROXIES: TrustedProxies = { entries: [], has: () => false };

/** A written address as one canonical string, or null when it is not an IP address. Accepts `[v6]:port`, `v4:port` and zone ids (`fe80::1%eth0`). */
export function normaliseAddress(text: string): string | null {
  let value = text.trim();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^[\d.]+:\d{1,5}$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  value = value.replace(/%[^%]*$/, '');
  const family = isIP(value);
  if (family === 4) return value;
  if (family !== 6) return null;
  // The WHATWG URL parser writes IPv6 in RFC 5952 form: lower case, longest zero run compressed.
  const canonical = new URL(`http://[${value}]/`).hostname.slice(1, -1);
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
  if (!mapped) return canonical;
  const high = Number.parseInt(mapped[1]!, 16);
  const low = Number.parseInt(mapped[2]!, 16);
  return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
}

/**
 * TRUSTED_PROXIES as written: addresses and CIDR ranges, IPv4 or IPv6, separated by commas or spaces;
 * `loopback` stands for 127.0.0.0/8 and ::1. Throws a message in Chinese naming the entry that is wrong.
 */
export function parseTrustedProxies(text: string, setting = 'TRUSTED_PROXIES'): TrustedProxies {
  const written = text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (written.length === 0) return NO_PROXIES;
  const list = new BlockList();
  const entries: string[] = [];
  for (const entry of written.flatMap((e) => (e.toLowerCase() === 'loopback' ? [...LOOPBACK] : [e]))) {
    const [base = '', prefixText, ...rest] = entry.split('/');
    const address = normaliseAddress(base);
    const family = address === null ? 0 : isIP(address);
    const wrong = `${setting} 中的「${entry}」不是 IP 地址或网段；应写成 127.0.0.1、::1、10.0.0.0/8 或 fd00::/8 这样的形式，多个用逗号分开`;
    if (address === null || rest.length > 0) throw new Error(wrong);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (prefixText === undefined) {
      list.addAddress(address, type);
      entries.push(address);
      continue;
    }
    // An IPv4-mapped range (::ffff:192.0.2.0/120) is the IPv4 range it maps (192.0.2.0/24).
    const mappedBits = family === 4 && isIP(base.trim()) === 6 ? 96 : 0;
    const written = /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : Number.NaN;
    const prefix = written - mappedBits;
    if (!(prefix >= 0 && prefix <= (family === 4 ? 32 : 128))) throw new Error(wrong);
    if (prefix === 0) throw new Error(`${setting} 中的「${entry}」会把所有地址都当作可信代理，任何人都能冒充别人的地址；请只写代理服务器的地址或网段`);
    list.addSubnet(address, prefix, type);
    entries.push(`${address}/${prefix}`);
  }
  return {
    entries,
    has(candidate: string) {
      const address = normaliseAddress(candidate);
      return address !== null && list.check(address, isIP(address) === 4 ? 'ipv4' : 'ipv6');
    },
  };
}

/**
 * The client's address: the socket's peer, or, when that peer is a trusted proxy, the rightmost
 * `X-Forwarded-For` entry that is not itself a trusted proxy (see the header comment).
 */
export function clientAddressFrom(peer: string | undefined, forwardedFor: string | null | undefined, trusted: TrustedProxies): string {
  const direct = (peer && normaliseAddress(peer)) || peer || 'unknown';
  if (!forwardedFor || !trusted.has(direct)) return direct;
  let nearest = direct;
  const hops = forwardedFor.split(',');
  for (let i = hops.length - 1; i >= 0; i -= 1) {
    const hop = normaliseAddress(hops[i]!);
    if (hop === null) return nearest;
    if (!trusted.has(hop)) return hop;
    nearest = hop;
  }
  return nearest;
}

/** What a request offers for finding its client: the socket's peer (Astro's `clientAddress`) and its headers. */
export interface RequestOrigin {
  /** Astro's `clientAddress`, the socket's peer (it throws on prerendered pages). */
  readonly clientAddress: string;
  readonly request: { readonly headers: Headers };
}

function peerOf(context: RequestOrigin): string | undefined {
  try {
    return context.clientAddress;
  } catch {
    return undefined;
  }
}

/** The client's address for a request reaching an on-demand route. */
export function clientAddressOf(context: RequestOrigin, trusted: TrustedProxies): string {
  return clientAddressFrom(peerOf(context), context.request.headers.get('x-forwarded-for'), trusted);
}

/** Whether the request came to us through a trusted proxy (its Host, `X-Forwarded-Proto` are then the proxy's word). */
export function viaTrustedProxy(context: RequestOrigin, trusted: TrustedProxies): boolean {
  const peer = peerOf(context);
  return peer !== undefined && trusted.has(peer);
}

/** The start-up log's line on where client addresses come from, or null when there is no proxy to speak of. */
export function trustedProxiesLine(config: { trustedProxies: TrustedProxies; trustedProxiesFrom: 'TRUSTED_PROXIES' | 'TRUST_PROXY' | null }): string | null {
  const list = config.trustedProxies.entries.join(', ');
  if (config.trustedProxiesFrom === 'TRUST_PROXY')
    return `客户端地址：TRUST_PROXY=1 只信任本机上的代理（${list}），取 X-Forwarded-For 中最右边的非代理地址；代理在其他机器上时，请删去 TRUST_PROXY，改用 TRUSTED_PROXIES 列出代理的地址。`;
  if (config.trustedProxiesFrom === 'TRUSTED_PROXIES')
    return `客户端地址：来自可信代理（${list}）的请求取 X-Forwarded-For 中最右边的非代理地址，其他请求取连接地址。`;
  return null;
}
