import { describe, expect, it } from 'vitest';
import { missingCmsSettings } from './readiness.ts';

const demo = { backend: 'gitea', repo: '', branch: 'main', baseUrl: '', apiRoot: '', appId: '', editorialWorkflow: true } as const;

describe('whether /admin/ can open the CMS', () => {
  it('the demo settings (gitea, nothing filled in) name every setting Gitea needs', () => {
    expect(missingCmsSettings(demo, false)).toEqual([
      'repo（仓库，owner/name）',
      'apiRoot（API 地址，如 https://git.example.gov.cn/api/v1）',
      'baseUrl（OAuth 服务地址）',
      'appId（OAuth 应用 ID）',
    ]);
  });

  it('needs nothing with the local proxy of npm run cms', () => {
    expect(missingCmsSettings(demo, true)).toEqual([]);
  });

  it('asks only for what is still blank, and only what the chosen backend uses', () => {
    expect(missingCmsSettings({ ...demo, backend: 'github', repo: 'district/duban' }, false)).toEqual(['baseUrl（OAuth 服务地址）']);
    expect(missingCmsSettings({ ...demo, backend: 'gitlab', repo: 'district/duban', appId: 'abc' }, false)).toEqual([]);
    expect(missingCmsSettings({ ...demo, backend: 'git-gateway' }, false)).toEqual([]);
  });

  it('a setting of spaces is still blank', () => {
    expect(missingCmsSettings({ ...demo, backend: 'github', repo: '  ', baseUrl: 'https://oauth.example.cn' }, false)).toEqual(['repo（仓库，owner/name）']);
  });
});
