import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../src/config.js';
import { APP_ID, KEY, TENANT, productionEnv } from './helpers.js';

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('local mode with defaults when no MicrosoftAppId is set', () => {
    const c = loadConfig({}, { cwd: '/srv/app' });
    expect(c.mode).toBe('local');
    expect(c.port).toBe(3978);
    expect(c.host).toBe('127.0.0.1');
    expect(c.dataDir).toBe(path.resolve('/srv/app', 'data'));
    expect(c.bodyLimit).toBe('256kb');
    expect(c.logLevel).toBe('info');
    expect(c.bot.appType).toBe('SingleTenant');
    expect(c.dataEncryptionKey).toBeUndefined();
    expect(c.allowedTenants).toEqual([]);
  });

  it('production mode with a complete environment', () => {
    const c = loadConfig(productionEnv({ PORT: '8080', MONGODB_URI: 'mongodb://db:27017/ga' }));
    expect(c.mode).toBe('production');
    expect(c.port).toBe(8080);
    expect(c.host).toBe('0.0.0.0');
    expect(c.bot).toEqual({ appId: APP_ID, appPassword: 'not-a-real-secret', tenantId: TENANT, appType: 'SingleTenant' });
    expect(c.dataEncryptionKey).toEqual(Buffer.alloc(32, 7));
    expect(c.allowedTenants).toEqual([TENANT]); // defaults to MicrosoftAppTenantId
    expect(c.mongodbUri).toBe('mongodb://db:27017/ga');
  });

  it('production without DATA_ENCRYPTION_KEY refuses with a clear bilingual message', () => {
    const env = productionEnv();
    delete env.DATA_ENCRYPTION_KEY;
    expect(() => loadConfig(env)).toThrow(
      'Configuratiefout / configuration error: DATA_ENCRYPTION_KEY ontbreekt / is missing (required in production)',
    );
  });

  it('rejects a DATA_ENCRYPTION_KEY that is not base64 of 32 bytes, in any mode', () => {
    expect(problemsOf(() => loadConfig({ DATA_ENCRYPTION_KEY: Buffer.alloc(16).toString('base64') }))[0]).toMatch(/DATA_ENCRYPTION_KEY .*32 bytes/);
    expect(problemsOf(() => loadConfig({ DATA_ENCRYPTION_KEY: 'not base64!' }))[0]).toMatch(/DATA_ENCRYPTION_KEY/);
    expect(loadConfig({ DATA_ENCRYPTION_KEY: KEY }).dataEncryptionKey?.length).toBe(32);
  });

  it('lists every production problem at once and never echoes the password', () => {
    const problems = problemsOf(() => loadConfig({ MicrosoftAppId: 'not-a-guid', MicrosoftAppPassword: '' }));
    const text = problems.join('\n');
    expect(text).toMatch(/MicrosoftAppId moet een GUID zijn \/ must be a GUID/);
    expect(text).toMatch(/MicrosoftAppTenantId ontbreekt \/ is missing/);
    expect(text).toMatch(/MicrosoftAppPassword ontbreekt \/ is missing/);
    expect(text).toMatch(/DATA_ENCRYPTION_KEY ontbreekt/);
    expect(text).toMatch(/ALLOWED_TENANTS ontbreekt/);
    const withSecret = problemsOf(() => loadConfig(productionEnv({ MicrosoftAppPassword: 'SuperGeheim123', DATA_ENCRYPTION_KEY: '' })));
    expect(withSecret.join('\n')).not.toContain('SuperGeheim123');
  });

  it('MultiTenant needs no tenant id but still an allowlist; UserAssignedMSI needs no password', () => {
    const multi = productionEnv({ MicrosoftAppType: 'MultiTenant' });
    delete multi.MicrosoftAppTenantId;
    expect(problemsOf(() => loadConfig(multi))).toEqual([expect.stringMatching(/ALLOWED_TENANTS ontbreekt/)]);
    expect(loadConfig({ ...multi, ALLOWED_TENANTS: TENANT }).allowedTenants).toEqual([TENANT]);

    const msi = productionEnv({ MicrosoftAppType: 'UserAssignedMSI' });
    expect(problemsOf(() => loadConfig(msi))[0]).toMatch(/MicrosoftAppPassword moet leeg zijn/);
    delete msi.MicrosoftAppPassword;
    expect(loadConfig(msi).bot.appType).toBe('UserAssignedMSI');
  });

  it('rejects bad values with bilingual messages', () => {
    expect(problemsOf(() => loadConfig({ PORT: 'abc' })).join()).toMatch(/PORT moet een getal zijn \/ must be a number/);
    expect(problemsOf(() => loadConfig({ PORT: '70000' })).join()).toMatch(/PORT/);
    expect(problemsOf(() => loadConfig({ LOG_LEVEL: 'loud' })).join()).toMatch(/LOG_LEVEL moet/);
    expect(problemsOf(() => loadConfig({ MicrosoftAppType: 'Other' })).join()).toMatch(/MicrosoftAppType moet/);
    expect(problemsOf(() => loadConfig({ BODY_LIMIT: 'lots' })).join()).toMatch(/BODY_LIMIT/);
    expect(problemsOf(() => loadConfig({ MONGODB_URI: 'http://x' })).join()).toMatch(/MONGODB_URI/);
    expect(problemsOf(() => loadConfig({ ALLOWED_TENANTS: 'contoso' })).join()).toMatch(/ALLOWED_TENANTS bevat een ongeldige tenant-id/);
    expect(problemsOf(() => loadConfig({ PUBLIC_URL: 'nope' })).join()).toMatch(/PUBLIC_URL/);
  });

  it('treats empty strings as unset', () => {
    const c = loadConfig({ MicrosoftAppId: '', PORT: '', LOG_LEVEL: '' });
    expect(c.mode).toBe('local');
    expect(c.port).toBe(3978);
  });

  it('reads CONVENANT_CONFIG as a JSON object and reports unreadable or invalid files', () => {
    const files: Record<string, string> = { '/cfg/ok.json': '{"gemeente":"Beesel","retentionProfile":"beesel"}', '/cfg/bad.json': '{', '/cfg/list.json': '[]' };
    const readFile = (f: string) => {
      const text = files[f];
      if (text === undefined) throw new Error('ENOENT');
      return text;
    };
    const c = loadConfig({ CONVENANT_CONFIG: 'ok.json' }, { cwd: '/cfg', readFile });
    expect(c.convenant).toEqual({ path: '/cfg/ok.json', settings: { gemeente: 'Beesel', retentionProfile: 'beesel' } });
    expect(problemsOf(() => loadConfig({ CONVENANT_CONFIG: 'bad.json' }, { cwd: '/cfg', readFile }))[0]).toMatch(/ongeldige JSON \/ invalid JSON/);
    expect(problemsOf(() => loadConfig({ CONVENANT_CONFIG: 'list.json' }, { cwd: '/cfg', readFile }))[0]).toMatch(/geen JSON-object/);
    expect(problemsOf(() => loadConfig({ CONVENANT_CONFIG: 'missing.json' }, { cwd: '/cfg', readFile }))[0]).toMatch(/bestand niet leesbaar \/ file not readable/);
  });
});
