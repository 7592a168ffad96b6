import type { Config } from './config';

/** A start-up failure a person can act on, naming the variable to change; null for anything else. */
export function explainStartupError(err: unknown, config: Config): string | null {
  const { code, message } = err as { code?: string; message?: string };
  if (code === 'EADDRINUSE') return `Port ${config.port} on ${config.host} is already in use: set PORT (or HOST) to a free one`;
  if (code === 'EADDRNOTAVAIL') return `HOST ${config.host} is not an address of this machine`;
  if (config.databaseUrl && ['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', '3D000', '28P01', '28000'].includes(code ?? '')) {
    return `Cannot use the PostgreSQL database named by DATABASE_URL: ${message}`;
  }
  if (
    !config.databaseUrl &&
    (code?.startsWith('SQLITE_CANTOPEN') || ['EACCES', 'EROFS', 'ENOTDIR', 'ENOENT'].includes(code ?? ''))
  ) {
    return `Cannot open the SQLite database in ZHOUBAO_DATA_DIR (${config.dataDir}): ${message}`;
  }
  return null;
}
