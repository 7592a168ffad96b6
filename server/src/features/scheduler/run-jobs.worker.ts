// A separate app process for the multi-process test (scheduler.processes.test.ts): opens the given
// PostgreSQL database, waits until a shared start time so that the processes race, then runs the
// due jobs at each of the given moments, and the delivery worker after each, several rounds, and
// prints what it did as JSON on stdout.
//
//   node --import tsx run-jobs.worker.ts <database url> <start epoch ms> <rounds> <iso moment>...
import { setTimeout as delay } from 'node:timers/promises';
import { buildApp } from '../../app';
import { loadConfig } from '../../config';
import { openDatabase } from '../../db/database';
import { processDeliveries } from '../integrations/outbox';
import type { JobOutcome } from './job-runner';
import { runDueJobs } from './scheduler.jobs';

async function main() {
  const [url, startAt, rounds, ...moments] = process.argv.slice(2);
  if (!url || !startAt || !rounds || moments.length === 0) throw new Error('usage: <url> <start ms> <rounds> <iso>...');
  const database = openDatabase({ url, poolSize: 4 });
  const config = { ...loadConfig({}), logLevel: 'silent', scheduler: false, webDir: undefined, passwordCost: 10 };
  const app = await buildApp({ config, database, logger: false });
  await app.ready();
  await delay(Math.max(0, Number(startAt) - Date.now()));
  const outcomes: JobOutcome[] = [];
  const deliveries = { sent: 0, failed: 0, skipped: 0, retried: 0 };
  for (let round = 0; round < Number(rounds); round++) {
    for (const moment of moments) {
      const now = new Date(moment);
      outcomes.push(...(await runDueJobs(app.ctx, now)));
      await app.ctx.events.idle();
      // Deliveries are claimed for a while by the clock; the processes share the real one (the
      // moments above are far apart, and a claim made at one would look stale at another).
      const d = await processDeliveries(app.ctx, new Date());
      deliveries.sent += d.sent;
      deliveries.failed += d.failed;
      deliveries.skipped += d.skipped;
      deliveries.retried += d.retried;
    }
  }
  process.stdout.write(JSON.stringify({ pid: process.pid, outcomes, deliveries }));
  await app.close();
  await database.destroy();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
