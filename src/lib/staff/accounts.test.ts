import { describe, expect, it } from 'vitest';
import { loginProblem, normaliseLogin, passwordProblem, roleUnitProblem } from './accounts.ts';

describe('staff account rules', () => {
  it('reads logins the way they are typed: full-width, mixed case, spaces around', () => {
    expect(normaliseLogin(' Ｗａｎｇ.Li ')).toBe('wang.li');
    expect(loginProblem('wang.li')).toBeNull();
    expect(loginProblem('')).toBe('请填写登录名');
    expect(loginProblem('王某')).toMatch(/字母、数字/);
    expect(loginProblem('-wang')).toMatch(/以字母或数字开头/);
  });

  it('refuses short, repetitive or login-containing passwords', () => {
    expect(passwordProblem('short', 'wang')).toBe('密码至少 10 个字符');
    expect(passwordProblem('aaaaaaaaaaaa', 'wang')).toMatch(/重复/);
    expect(passwordProblem('Wang2026-spring', 'wang')).toMatch(/登录名/);
    expect(passwordProblem('望澜区督办公开2026春', 'wang')).toBeNull();
  });

  it('binds handlers, and only handlers, to one existing unit', () => {
    const units = new Set(['water']);
    expect(roleUnitProblem('handler', 'water', units)).toBeNull();
    expect(roleUnitProblem('handler', null, units)).toBe('承办员须指定所在单位');
    expect(roleUnitProblem('handler', 'moon', units)).toMatch(/不存在/);
    expect(roleUnitProblem('dispatcher', 'water', units)).toBe('只有承办员需要指定单位');
    expect(roleUnitProblem('root', null, units)).toMatch(/角色/);
  });
});
