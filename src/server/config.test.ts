import { describe, expect, it } from 'vitest';
import { loadServerConfig } from './config.ts';

describe('the settings about proxies, logs and stopping', () => {
  it('trusts no proxy, logs every request and waits 10 s at SIGTERM by default', () => {
    const config = loadServerConfig({});
    expect(config.trustedProxies.entries).toEqual([]);
    expect(config.trustedProxies.has('127.0.0.1')).toBe(false);
    expect(config.trustedProxiesFrom).toBeNull();
    expect(config.accessLog).toBe(true);
    expect(config.shutdownGraceMs).toBe(10_000);
    expect(config.rateLimits.reads).toEqual({ perMinute: 120, burst: 60 });
  });

  it('reads TRUSTED_PROXIES', () => {
    const config = loadServerConfig({ TRUSTED_PROXIES: '127.0.0.1, ::1, 10.0.0.0/8' });
    expect(config.trustedProxies.entries).toEqual(['127.0.0.1', '::1', '10.0.0.0/8']);
    expect(config.trustedProxies.has('10.20.30.40')).toBe(true);
    expect(config.trustedProxiesFrom).toBe('TRUSTED_PROXIES');
  });

  it('takes the older TRUST_PROXY=1 as loopback only', () => {
    const config = loadServerConfig({ TRUST_PROXY: '1' });
    expect(config.trustedProxies.entries).toEqual(['127.0.0.0/8', '::1']);
    expect(config.trustedProxies.has('::ffff:127.0.0.1')).toBe(true);
    expect(config.trustedProxies.has('10.0.0.1')).toBe(false);
    expect(config.trustedProxiesFrom).toBe('TRUST_PROXY');
    expect(loadServerConfig({ TRUST_PROXY: '0' }).trustedProxiesFrom).toBeNull();
  });

  it('refuses both at once, and a wrong entry, in Chinese', () => {
    expect(() => loadServerConfig({ TRUST_PROXY: '1', TRUSTED_PROXIES: '10.0.0.1' })).toThrow(/TRUST_PROXY 和 TRUSTED_PROXIES 只能设置一个/);
    expect(() => loadServerConfig({ TRUSTED_PROXIES: 'nginx' })).toThrow(/环境变量有误：TRUSTED_PROXIES 中的「nginx」不是 IP 地址或网段/);
    expect(() => loadServerConfig({ TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY 应为 1 或 0/);
  });

  it('reads the access log switch, the grace time and the read limit', () => {
    const config = loadServerConfig({ ACCESS_LOG: '0', SHUTDOWN_GRACE_SECONDS: '30', RATE_LIMIT_READS: '600', RATE_LIMIT_READS_BURST: '100' });
    expect(config.accessLog).toBe(false);
    expect(config.shutdownGraceMs).toBe(30_000);
    expect(config.rateLimits.reads).toEqual({ perMinute: 600, burst: 100 });
    expect(() => loadServerConfig({ RATE_LIMIT_READS: '0' })).toThrow(/RATE_LIMIT_READS 应为正整数/);
  });
});

describe('the settings about rebuilding the site', () => {
  it('rebuilds daily at 00:01 China time, with no webhook and no pull, beside the build folder by default', () => {
    const { rebuild } = loadServerConfig({});
    expect(rebuild).toEqual({ daily: { at: { hour: 0, minute: 1 }, text: '00:01' }, hookSecret: null, pull: false, buildsDir: null });
    expect(loadServerConfig({ DUBAN_BUILDS_DIR: 'var/builds' }).rebuild.buildsDir).toBe('var/builds');
  });

  it('reads another time, also as typed in full width, and off', () => {
    expect(loadServerConfig({ REBUILD_DAILY_AT: '０２：３０' }).rebuild.daily?.at).toEqual({ hour: 2, minute: 30 });
    expect(loadServerConfig({ REBUILD_DAILY_AT: 'off' }).rebuild.daily).toBeNull();
    expect(loadServerConfig({ REBUILD_DAILY_AT: 'OFF' }).rebuild.daily).toBeNull();
    expect(() => loadServerConfig({ REBUILD_DAILY_AT: '24:00' })).toThrow(/REBUILD_DAILY_AT 应为北京时间 HH:MM，例如 00:01；不要每日重建请写 off/);
  });

  it('takes a webhook secret of 32 characters or more, and the pull switch', () => {
    const secret = 'k'.repeat(32);
    expect(loadServerConfig({ REBUILD_HOOK_SECRET: secret, REBUILD_PULL: '1' }).rebuild).toMatchObject({ hookSecret: secret, pull: true });
    expect(() => loadServerConfig({ REBUILD_HOOK_SECRET: 'short' })).toThrow(/REBUILD_HOOK_SECRET 至少 32 个字符（可用 openssl rand -hex 32 生成）/);
    expect(() => loadServerConfig({ REBUILD_PULL: 'yes' })).toThrow(/REBUILD_PULL 应为 1/);
  });
});
