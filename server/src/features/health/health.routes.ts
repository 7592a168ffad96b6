import { ZHealth } from '@zhoubao/contracts';
import { sql } from 'kysely';
import type { AppContext } from '../../context';
import type { App } from '../../lib/app-types';
import { AppError } from '../../lib/errors';
import { VERSION } from '../../version';

/** Liveness and database reachability, without auth. */
export async function healthRoutes(app: App, ctx: AppContext) {
  app.get('/health', { config: { public: true }, schema: { tags: ['health'], response: { 200: ZHealth } } }, async () => {
    try {
      await sql`select 1`.execute(ctx.db);
    } catch {
      throw new AppError('unavailable', 'The database is not reachable');
    }
    return { status: 'ok' as const, database: ctx.dialect, version: VERSION };
  });
}
