import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config';
import type { Db, DialectName } from './db/database';

/** What services need from the running app: the database, its dialect, the configuration and a logger. */
export interface AppContext {
  db: Db;
  dialect: DialectName;
  config: Config;
  log: FastifyBaseLogger;
}
