import path from 'node:path';
import { ConfigError, loadConfig } from './config';
import { openDatabase } from './db/database';
import { startServer } from './server';

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
  await startServer(config, database);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
