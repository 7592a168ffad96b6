import { buildApp } from './app';
import type { Config } from './config';
import type { Database } from './db/database';
import { migrateToLatest } from './db/migrate';
import { bootstrapAdmin } from './features/setup/setup.service';
import type { App } from './lib/app-types';

/**
 * Migrates the database, builds the app, creates the admin from the environment when there is no
 * user yet, shuts down cleanly on SIGINT and SIGTERM, and listens; returns the listening app.
 */
export async function startServer(config: Config, database: Database): Promise<App> {
  const ran = await migrateToLatest(database.db);
  const app = await buildApp({ config, database });
  if (ran.length) app.log.info({ migrations: ran }, 'database migrated');
  if (await bootstrapAdmin(app.ctx)) {
    app.log.info({ username: config.adminUsername }, 'created the admin from ZHOUBAO_ADMIN_USERNAME / ZHOUBAO_ADMIN_PASSWORD');
  }
  const close = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await database.destroy();
    process.exit(0);
  };
  process.once('SIGINT', () => void close('SIGINT'));
  process.once('SIGTERM', () => void close('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    `Zhoubao ${database.dialect === 'sqlite' ? `on SQLite (${config.dataDir})` : 'on PostgreSQL'} at http://${config.host}:${config.port}`,
  );
  return app;
}
