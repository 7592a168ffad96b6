import { Cron } from 'croner';
import type { AppContext } from '../../context';
import type { App } from '../../lib/app-types';
import { processDeliveries } from '../integrations/outbox';
import { getSettings } from '../settings/settings.service';
import { runDueJobs } from './scheduler.jobs';

/** Every minute, at second 0: look for due jobs. */
export const JOBS_PATTERN = '0 * * * * *';
/** Every 15 seconds: send what the outbox holds. */
export const DELIVERIES_PATTERN = '*/15 * * * * *';

/**
 * Starts the in-process schedules (croner, in the organisation's time zone): the due-jobs sweep
 * every minute and the delivery worker every 15 seconds. A tick never overlaps the previous one
 * (`protect`). Returns a function that stops both and waits for a tick in progress.
 */
export async function startScheduler(ctx: AppContext): Promise<() => Promise<void>> {
  const { timezone } = await getSettings(ctx);
  const inFlight = new Set<Promise<unknown>>();
  const track = (name: string, work: () => Promise<unknown>) => async () => {
    const p = work().catch((err: unknown) => ctx.log.error({ err, schedule: name }, 'scheduled tick failed'));
    inFlight.add(p);
    try {
      await p;
    } finally {
      inFlight.delete(p);
    }
  };
  const options = { timezone, protect: true, unref: true };
  const crons = [
    new Cron(
      JOBS_PATTERN,
      { ...options, name: 'zhoubao-jobs' },
      track('jobs', () => runDueJobs(ctx, new Date())),
    ),
    new Cron(
      DELIVERIES_PATTERN,
      { ...options, name: 'zhoubao-deliveries' },
      track('deliveries', () => processDeliveries(ctx, new Date())),
    ),
  ];
  ctx.log.info({ timezone }, 'schedules started');
  return async () => {
    for (const c of crons) c.stop();
    await Promise.allSettled([...inFlight]);
  };
}

/** Starts the schedules when the app is ready (if `ZHOUBAO_SCHEDULER` is on) and stops them when it closes. */
export function registerScheduler(app: App, ctx: AppContext): void {
  if (!ctx.config.scheduler) return;
  let stop: (() => Promise<void>) | null = null;
  app.addHook('onReady', async () => {
    stop = await startScheduler(ctx);
  });
  app.addHook('onClose', async () => {
    await stop?.();
  });
}
