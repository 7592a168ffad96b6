import path from 'node:path';
import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';
import { openDatabase } from './db/database';
import { migrateToLatest } from './db/migrate';
import { bootstrapAdmin } from './features/setup/setup.service';

async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78);
    }
    throw err;
  }
  const database = openDatabase({ url: config.databaseUrl, sqliteFile: path.join(config.dataDir, 'zhoubao.db') });
  const ran = await migrateToLatest(database.db);
  const app = await buildApp({ config, database });
  if (ran.length) app.log.info({ migrations: ran }, 'database migrated');
  if (await bootstrapAdmin({ db: database.db, dialect: database.dialect, config, log: app.log })) {
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
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
