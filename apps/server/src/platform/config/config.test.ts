import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('applies embedded defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATA_DIR).toBe('./data');
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.PUBLIC_URL).toBe('http://localhost:3000');
    expect(config.ROLE).toBe('all');
    expect(config.SEED_DEMO_DATA).toBe(true);
    expect(config.CORS_ORIGINS).toEqual([]);
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).DATABASE_URL).toBeUndefined();
  });

  it('lists every bad value at once', () => {
    let caught: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'not a url', ROLE: 'boss' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems.join('\n');
    expect(problems).toContain('PORT');
    expect(problems).toContain('DATABASE_URL');
    expect(problems).toContain('ROLE');
  });

  const kycKeys = `k1:${Buffer.alloc(32, 1).toString('base64')}`;

  it('does not seed demo data in production unless asked', () => {
    const secrets = { AUTH_SECRET: 'x'.repeat(32), KYC_ENCRYPTION_KEYS: kycKeys };
    expect(loadConfig({ NODE_ENV: 'production', ...secrets }).SEED_DEMO_DATA).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', ...secrets, SEED_DEMO_DATA: 'true' }).SEED_DEMO_DATA).toBe(true);
  });

  it('requires KYC document keys in production, each 32 bytes, the current one listed', () => {
    const secret = 'x'.repeat(32);
    expect(() => loadConfig({ NODE_ENV: 'production', AUTH_SECRET: secret })).toThrow(/KYC_ENCRYPTION_KEYS/);
    expect(() => loadConfig({ KYC_ENCRYPTION_KEYS: 'a:c2hvcnQ=' })).toThrow(/32 bytes/);
    expect(() => loadConfig({ KYC_ENCRYPTION_KEYS: kycKeys, KYC_ENCRYPTION_KEY_ID: 'zz' })).toThrow(
      /KYC_ENCRYPTION_KEY_ID/,
    );
    expect(loadConfig({ KYC_ENCRYPTION_KEYS: kycKeys }).KYC_ENCRYPTION_KEYS?.get('k1')?.length).toBe(32);
  });

  it('requires a session secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/AUTH_SECRET/);
  });

  it('trusts no proxy unless told which', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).TRUST_PROXY).toEqual(['10.0.0.0/8', '127.0.0.1']);
    expect(() => loadConfig({ TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY/);
  });
});
