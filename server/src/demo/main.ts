// `npm run demo`: the app on its own data folder (./data-demo), filled on first start with a
// generated city tax bureau, so a newcomer can sign in and see a living wall at once.
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { type Config, ConfigError, loadConfig } from '../config';
import { type Db, openDatabase } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { countUsers } from '../features/users/users.repository';
import { hashPassword } from '../lib/secrets';
import { startServer } from '../server';
import { DEMO_SIZE, type GenerationSummary, generateOrganisation } from './generator';
import type { SignIns } from './org';

/** Everyone's password in the demo. */
export const DEMO_PASSWORD = 'demo12345';

/** The seed of the demo organisation (the year Dazhou's weekly reports began). */
export const DEMO_SEED = 2021;

/** The settings key that remembers how the demo data was made, for the sign-ins printed on restart. */
const DEMO_KEY = 'demo';

function demoConfig(): Config {
  try {
    return loadConfig({ ...process.env, ZHOUBAO_DATA_DIR: process.env.ZHOUBAO_DATA_DIR?.trim() || './data-demo' });
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78);
    }
    throw err;
  }
}

/** Generates the demo organisation when the database has no user yet; returns what was made and how long it took. */
async function generateOnce(db: Db, config: Config): Promise<{ summary: GenerationSummary; ms: number } | null> {
  if ((await countUsers(db)) > 0) return null;
  const passwordHash = await hashPassword(DEMO_PASSWORD, config.passwordCost);
  const started = performance.now();
  const summary = await generateOrganisation(db, { seed: DEMO_SEED, ...DEMO_SIZE, passwordHash, timezone: config.timezone });
  const ms = Math.round(performance.now() - started);
  const at = new Date().toISOString();
  const value = JSON.stringify({ seed: DEMO_SEED, generatedAt: at, signIns: summary.signIns });
  await db.insertInto('settings').values({ key: DEMO_KEY, value, updated_at: at }).execute();
  return { summary, ms };
}

/** The example accounts, with their names and departments, as a block of text. */
async function signInText(db: Db, url: string): Promise<string> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', DEMO_KEY).executeTakeFirst();
  const signIns = row ? (JSON.parse(row.value) as { signIns: SignIns }).signIns : null;
  if (!signIns) return `Zhoubao is running at ${url} (this database was not made by the demo).`;
  const users = await db
    .selectFrom('users as u')
    .leftJoin('departments as d', 'd.id', 'u.department_id')
    .select(['u.username', 'u.display_name', 'u.title', 'd.name as department'])
    .where('u.username', 'in', Object.values(signIns))
    .execute();
  const byName = new Map(users.map((u) => [u.username, u]));
  const lines = Object.entries(signIns).map(([role, username]) => {
    const u = byName.get(username);
    const who = u ? `${u.display_name} · ${u.department ?? ''}${u.title ? ` ${u.title}` : ''}` : '';
    return `  ${role.padEnd(9)} ${username.padEnd(18)} ${who}`;
  });
  return [
    '',
    `Zhoubao demo at ${url} — sign in with password ${DEMO_PASSWORD} as:`,
    ...lines,
    '  (every generated person can sign in; see Admin → Users)',
    '',
  ].join('\n');
}

async function main() {
  const config = demoConfig();
  const database = openDatabase({ url: config.databaseUrl, sqliteFile: path.join(config.dataDir, 'zhoubao.db') });
  await migrateToLatest(database.db);
  const generated = await generateOnce(database.db, config);
  const app = await startServer(config, database);
  if (generated) {
    const { signIns: _s, weeks, ...counts } = generated.summary;
    app.log.info(
      { ...counts, weeks: `${weeks[0]}..${weeks.at(-1)}`, ms: generated.ms },
      `generated the demo organisation in ${generated.ms} ms`,
    );
  } else {
    app.log.info('kept the existing demo data (delete the data folder to generate it again)');
  }
  // The logger writes asynchronously; give its last lines a moment so the sign-ins come last.
  await delay(100);
  process.stdout.write(`${await signInText(database.db, `http://${config.host}:${config.port}`)}\n`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
