import { ALBUM_MAX_WEEKS, type TAlbum, type TAlbumQuery } from '@zhoubao/contracts';
import type { AppContext } from '../../context';
import type { Actor } from '../../lib/actor';
import { invalidInput, notFound } from '../../lib/errors';
import { loadTree } from '../departments/departments.repository';
import { itemsOf } from '../reports/reports.repository';
import { getSettings } from '../settings/settings.service';
import { findUser } from '../users/users.repository';
import { compareWeeks, formatWeekId, mustParseWeekId, weekOfInstant, weekStart } from '../weeks/iso-week';
import { buildAlbumDocx } from './album.docx';
import { canReadAlbum } from './album.policy';
import { type AlbumSource, albumStats, groupByMonth, presentAlbumWeek } from './album.presenter';
import * as repo from './album.repository';
import { documentLocale } from './labels';

const WEEK_MS = 7 * 86_400_000;

/** Rows grouped by report id, keeping their order. */
function byReport<T extends { report_id: string }>(rows: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.report_id);
    if (list) list.push(r);
    else out.set(r.report_id, [r]);
  }
  return out;
}

/** How many weeks a range holds, both ends included. */
const weekCount = (from: string, to: string): number =>
  (Date.parse(`${weekStart(to)}T00:00:00Z`) - Date.parse(`${weekStart(from)}T00:00:00Z`)) / WEEK_MS + 1;

/**
 * The period of an album: `to` defaults to the current week, `from` to the first week of `to`'s
 * year (so no parameters give the current year so far). 400 when `from` is after `to` or the period
 * is longer than three years of weeks.
 */
export function albumRange(query: Pick<TAlbumQuery, 'from' | 'to'>, currentWeek: string): { from: string; to: string } {
  const to = query.to ?? currentWeek;
  const from = query.from ?? formatWeekId(mustParseWeekId(to).year, 1);
  if (compareWeeks(from, to) > 0) {
    throw invalidInput('from must not be after to', [{ path: 'querystring.to', message: `${to} is before ${from}` }]);
  }
  const n = weekCount(from, to);
  if (n > ALBUM_MAX_WEEKS) {
    throw invalidInput(`An album covers at most 3 years (${ALBUM_MAX_WEEKS} weeks); ${from} to ${to} is ${n} weeks`, [
      { path: 'querystring.from', message: `at most ${ALBUM_MAX_WEEKS} weeks before to` },
    ]);
  }
  return { from, to };
}

/**
 * A person's growth album over a period, as `actor` may see it: the submitted reports only (drafts,
 * the person's own included, are work in progress and stay out), restricted items only for those who
 * may read them, grades only for the person and those who oversee them. 404 for an unknown person, and
 * for a disabled one unless the reader may still open their file (themselves, overseers, admins).
 */
export async function getAlbum(
  ctx: AppContext,
  actor: Actor,
  userId: string,
  query: TAlbumQuery,
  now = new Date(),
): Promise<{ album: TAlbum; timezone: string }> {
  const settings = await getSettings(ctx);
  const { from, to } = albumRange(query, weekOfInstant(now, settings.timezone));
  const [person, tree] = await Promise.all([findUser(ctx.db, userId), loadTree(ctx.db)]);
  // Someone who may not open a disabled person's file is told the person does not exist, not 403.
  if (!person || !canReadAlbum(actor, { id: person.id, departmentId: person.department_id, active: person.active === 1 }, tree)) {
    throw notFound('User');
  }
  const reports = await repo.listSubmittedInRange(ctx.db, userId, from, to);
  const ids = reports.map((r) => r.id);
  const [items, comments, grades] = await Promise.all([
    itemsOf(ctx.db, ids),
    repo.commentsOf(ctx.db, ids),
    repo.gradesOf(ctx.db, ids),
  ]);
  const commentsBy = byReport(comments);
  const gradesBy = byReport(grades);
  const sources: AlbumSource[] = reports.map((report) => ({
    report,
    items: items.get(report.id) ?? [],
    comments: commentsBy.get(report.id) ?? [],
    grade: gradesBy.get(report.id)?.at(-1),
  }));
  const weeks = sources.map((s) => presentAlbumWeek(s, actor, { tree }));
  const album: TAlbum = {
    orgName: settings.orgName,
    person: {
      id: person.id,
      displayName: person.display_name,
      departmentId: person.department_id,
      departmentName: person.department_id ? (tree.get(person.department_id)?.name ?? null) : null,
      title: person.title,
    },
    from,
    to,
    generatedAt: now.toISOString(),
    locale: documentLocale(actor.locale, settings.locale),
    stats: albumStats(weeks),
    months: groupByMonth(weeks),
  };
  return { album, timezone: settings.timezone };
}

/** The growth album as a Word document in the requester's language, with its file names. */
export async function getAlbumDocx(ctx: AppContext, actor: Actor, userId: string, query: TAlbumQuery, now = new Date()) {
  const { album, timezone } = await getAlbum(ctx, actor, userId, query, now);
  return buildAlbumDocx(album, timezone);
}
