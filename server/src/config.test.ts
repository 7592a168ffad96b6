import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

/** The ConfigError that loading the given environment throws (fails the test when none is thrown). */
function errorFor(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env, '/srv/zhoubao');
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({}, '/srv/zhoubao');
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      databaseUrl: undefined,
      dataDir: path.resolve('/srv/zhoubao', 'data'),
      adminUsername: 'admin',
      adminPassword: undefined,
      timezone: 'Asia/Shanghai',
      trustProxy: false,
      publicUrl: 'http://127.0.0.1:8080',
      scheduler: true,
    });
    expect(path.isAbsolute(config.dataDir)).toBe(true);
  });

  it('resolves the data directory against the working directory by default', () => {
    expect(loadConfig({}).dataDir).toBe(path.resolve(process.cwd(), 'data'));
    expect(loadConfig({ ZHOUBAO_DATA_DIR: 'var/zb' }, '/srv/zhoubao').dataDir).toBe('/srv/zhoubao/var/zb');
    expect(loadConfig({ ZHOUBAO_DATA_DIR: '/data/zb' }, '/srv/zhoubao').dataDir).toBe('/data/zb');
  });

  it('reads every documented variable', () => {
    const config = loadConfig(
      {
        PORT: '3000',
        HOST: '0.0.0.0',
        DATABASE_URL: 'postgres://zb@db:5432/zhoubao',
        ZHOUBAO_ADMIN_USERNAME: 'root',
        ZHOUBAO_ADMIN_PASSWORD: 'long enough',
        ZHOUBAO_TIMEZONE: 'Asia/Urumqi',
        ZHOUBAO_SESSION_IDLE_MINUTES: '30',
        ZHOUBAO_TRUST_PROXY: 'true',
        ZHOUBAO_PUBLIC_URL: 'https://zb.example.gov.cn/',
        ZHOUBAO_SCHEDULER: 'false',
      },
      '/srv/zhoubao',
    );
    expect(config).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      databaseUrl: 'postgres://zb@db:5432/zhoubao',
      adminUsername: 'root',
      adminPassword: 'long enough',
      timezone: 'Asia/Urumqi',
      sessionIdleMinutes: 30,
      trustProxy: true,
      publicUrl: 'https://zb.example.gov.cn',
      scheduler: false,
    });
    expect(loadConfig({ DATABASE_URL: 'postgresql://zb@db/zhoubao' }).databaseUrl).toBe('postgresql://zb@db/zhoubao');
  });

  it('treats empty values as unset', () => {
    const config = loadConfig({ PORT: '', DATABASE_URL: '  ', ZHOUBAO_TIMEZONE: '', ZHOUBAO_ADMIN_PASSWORD: '' }, '/srv');
    expect(config).toMatchObject({ port: 8080, databaseUrl: undefined, timezone: 'Asia/Shanghai', adminPassword: undefined });
  });

  it('refuses a ZHOUBAO_PUBLIC_URL that is not an http(s) address', () => {
    expect(() => loadConfig({ ZHOUBAO_PUBLIC_URL: 'zb.example.gov.cn' })).toThrow(/ZHOUBAO_PUBLIC_URL/);
    expect(() => loadConfig({ ZHOUBAO_PUBLIC_URL: 'ftp://zb' })).toThrow(/ZHOUBAO_PUBLIC_URL/);
  });

  it('refuses a DATABASE_URL that is not postgres://', () => {
    for (const url of ['mysql://zb@db/zhoubao', 'sqlite:///data/zb.db', 'db.example.cn']) {
      const err = errorFor({ DATABASE_URL: url });
      expect(err.variable).toBe('DATABASE_URL');
      expect(err.message).toContain('DATABASE_URL');
    }
  });

  it('refuses a PORT that is not a whole number in range', () => {
    for (const port of ['http', '80.5', '-1', '65536', '0x50']) {
      const err = errorFor({ PORT: port });
      expect(err.variable).toBe('PORT');
      expect(err.message).toContain('PORT');
    }
  });

  it('refuses an unknown ZHOUBAO_TIMEZONE', () => {
    const err = errorFor({ ZHOUBAO_TIMEZONE: 'Mars/Olympus_Mons' });
    expect(err.variable).toBe('ZHOUBAO_TIMEZONE');
    expect(err.message).toContain('ZHOUBAO_TIMEZONE');
    expect(err.message).toContain('Mars/Olympus_Mons');
  });

  it('refuses a ZHOUBAO_ADMIN_PASSWORD shorter than 8 characters', () => {
    const err = errorFor({ ZHOUBAO_ADMIN_PASSWORD: 'short12' });
    expect(err.variable).toBe('ZHOUBAO_ADMIN_PASSWORD');
    expect(err.message).toContain('ZHOUBAO_ADMIN_PASSWORD');
    expect(err.message).not.toContain('short12');
    expect(loadConfig({ ZHOUBAO_ADMIN_PASSWORD: '8 chars!' }).adminPassword).toBe('8 chars!');
  });

  it('refuses a ZHOUBAO_SESSION_IDLE_MINUTES that is not a number', () => {
    for (const value of ['ten', '1e3', '12h']) {
      const err = errorFor({ ZHOUBAO_SESSION_IDLE_MINUTES: value });
      expect(err.variable).toBe('ZHOUBAO_SESSION_IDLE_MINUTES');
      expect(err.message).toContain('ZHOUBAO_SESSION_IDLE_MINUTES');
    }
  });

  it('refuses an admin username with spaces, a bad flag and a bad log level, naming each', () => {
    expect(errorFor({ ZHOUBAO_ADMIN_USERNAME: 'the admin' }).variable).toBe('ZHOUBAO_ADMIN_USERNAME');
    expect(errorFor({ ZHOUBAO_TRUST_PROXY: 'maybe' }).variable).toBe('ZHOUBAO_TRUST_PROXY');
    expect(errorFor({ LOG_LEVEL: 'loud' }).variable).toBe('LOG_LEVEL');
  });
});
