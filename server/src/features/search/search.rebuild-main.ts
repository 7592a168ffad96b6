// `npm run search:rebuild`: rebuilds the search index from scratch on the configured database
// (DATABASE_URL, else the SQLite file in ZHOUBAO_DATA_DIR), a batch per transaction, printing progress.
import path from 'node:path';
import { type Config, ConfigError, loadConfig } from '../../config';
import { openDatabase } from '../../db/database';
import { migrateToLatest } from '../../db/migrate';
import { type RebuildProgress, rebuildSearchIndex } from './search.rebuild';

function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78);
    }
    throw err;
  }
}

async function main() {
  const config = configOrExit();
  const database = openDatabase({ url: config.databaseUrl, sqliteFile: path.join(config.dataDir, 'zhoubao.db') });
  try {
    await migrateToLatest(database.db);
    const where = database.dialect === 'sqlite' ? `SQLite in ${config.dataDir}` : 'PostgreSQL';
    console.log(`Rebuilding the search index on ${where}…`);
    const started = performance.now();
    const line = (p: RebuildProgress) =>
      console.log(`  ${p.phase}: ${p.done} done, ${p.entries} entries, ${Math.round((performance.now() - started) / 1000)} s`);
    // One line a second at most, and the last batch of each phase.
    let shownAt = 0;
    let last: RebuildProgress | null = null;
    let lastShown: RebuildProgress | null = null;
    const show = (p: RebuildProgress) => {
      line(p);
      shownAt = performance.now();
      lastShown = p;
    };
    const entries = await rebuildSearchIndex(database.db, {
      batchSize: 1000,
      onProgress: (p) => {
        if (last && last.phase !== p.phase && lastShown !== last) show(last);
        last = p;
        if (performance.now() - shownAt >= 1000) show(p);
      },
    });
    const final = last as RebuildProgress | null;
    if (final && lastShown !== final) line(final);
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `Indexed ${entries} entries in ${seconds.toFixed(1)} s (${Math.round(entries / Math.max(seconds, 0.001))} entries/s).`,
    );
  } finally {
    await database.destroy();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
