import path from 'node:path';
import { isValidTimeZone } from '@zhoubao/contracts';

export interface Config {
  port: number;
  host: string;
  /** `postgres://…` selects PostgreSQL; undefined selects SQLite. */
  databaseUrl: string | undefined;
  dataDir: string;
  adminUsername: string;
  adminPassword: string | undefined;
  timezone: string;
  /** Largest accepted request body, in bytes. */
  bodyLimit: number;
  /** Largest accepted import upload, in bytes. */
  importLimit: number;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  /** Trust X-Forwarded-* headers (behind a reverse proxy). */
  trustProxy: boolean;
  /** log2 of the scrypt cost parameter N. */
  passwordCost: number;
  logLevel: string;
  /** Folder with the built web app, or undefined to serve the API only. */
  webDir: string | undefined;
  /** The address people open Zhoubao at, for links in e-mail and chat messages (no trailing slash). */
  publicUrl: string;
  /** Run the in-process schedules (reminders, digests, deliveries); off in tests that drive jobs by hand. */
  scheduler: boolean;
}

/** Raised for a configuration value that cannot be used; names the variable. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`Invalid configuration: ${variable} ${message}`);
  }
}

type Env = Record<string, string | undefined>;

function intVar(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function boolVar(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw)) return true;
  if (['0', 'false', 'no'].includes(raw)) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

/** Reads and validates the configuration from environment variables. */
export function loadConfig(env: Env = process.env, root = process.cwd()): Config {
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL', 'must start with postgres:// (leave it unset for SQLite)');
  }
  const host = env.HOST?.trim() || '127.0.0.1';
  const timezone = env.ZHOUBAO_TIMEZONE?.trim() || 'Asia/Shanghai';
  if (!isValidTimeZone(timezone)) throw new ConfigError('ZHOUBAO_TIMEZONE', `is not a known time zone: "${timezone}"`);
  const adminUsername = env.ZHOUBAO_ADMIN_USERNAME?.trim() || 'admin';
  if (!/^[A-Za-z0-9._@-]{1,64}$/.test(adminUsername)) {
    throw new ConfigError('ZHOUBAO_ADMIN_USERNAME', 'may hold only letters, digits and . _ @ - (1 to 64 characters)');
  }
  const adminPassword = env.ZHOUBAO_ADMIN_PASSWORD || undefined;
  if (adminPassword !== undefined && adminPassword.length < 8) {
    throw new ConfigError('ZHOUBAO_ADMIN_PASSWORD', 'must be at least 8 characters long');
  }
  const logLevel = env.LOG_LEVEL?.trim() || 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of fatal, error, warn, info, debug, trace, silent`);
  }
  const webDir = env.ZHOUBAO_WEB_DIR?.trim();
  const port = intVar(env, 'PORT', 8080, 0, 65535);
  const publicUrl = (env.ZHOUBAO_PUBLIC_URL?.trim() || `http://${host.includes(':') ? `[${host}]` : host}:${port}`).replace(
    /\/+$/,
    '',
  );
  if (!/^https?:\/\/[^/\s]+(\/\S*)?$/.test(publicUrl)) {
    throw new ConfigError('ZHOUBAO_PUBLIC_URL', `must be an http:// or https:// address, got "${publicUrl}"`);
  }
  return {
    port,
    host,
    databaseUrl,
    dataDir: path.resolve(root, env.ZHOUBAO_DATA_DIR?.trim() || './data'),
    adminUsername,
    adminPassword,
    timezone,
    bodyLimit: intVar(env, 'ZHOUBAO_BODY_LIMIT', 1024 * 1024, 1024, 100 * 1024 * 1024),
    importLimit: intVar(env, 'ZHOUBAO_IMPORT_LIMIT', 10 * 1024 * 1024, 1024, 200 * 1024 * 1024),
    sessionIdleMinutes: intVar(env, 'ZHOUBAO_SESSION_IDLE_MINUTES', 12 * 60, 5, 60 * 24 * 90),
    sessionMaxHours: intVar(env, 'ZHOUBAO_SESSION_MAX_HOURS', 7 * 24, 1, 24 * 365),
    trustProxy: boolVar(env, 'ZHOUBAO_TRUST_PROXY', false),
    passwordCost: 15,
    logLevel,
    webDir: webDir === '' ? undefined : path.resolve(root, webDir ?? 'web/dist'),
    publicUrl,
    scheduler: boolVar(env, 'ZHOUBAO_SCHEDULER', true),
  };
}
