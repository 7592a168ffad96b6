import path from 'node:path';
import { type Config, ConfigError, loadConfig } from './config';
import { openDatabase } from './db/database';
import { startServer } from './server';
import { explainStartupError } from './startup-errors';

async function main() {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78);
    }
    throw err;
  }
  try {
    const database = openDatabase({ url: config.databaseUrl, sqliteFile: path.join(config.dataDir, 'zhoubao.db') });
    await startServer(config, database);
  } catch (err) {
    const explained = explainStartupError(err, config);
    if (!explained) throw err;
    console.error(`Zhoubao could not start. ${explained}`);
    process.exit(1);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
