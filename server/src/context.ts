import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config';
import type { Db, DialectName } from './db/database';
import type { EventBus } from './lib/events';

/** What services need from the running app: the database, its dialect, the configuration, a logger and the app's event bus. */
export interface AppContext {
  db: Db;
  dialect: DialectName;
  config: Config;
  log: FastifyBaseLogger;
  events: EventBus;
}
