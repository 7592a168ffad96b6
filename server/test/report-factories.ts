import type { TReportItemInput } from '@zhoubao/contracts';
import type { LightMyRequestResponse } from 'fastify';
import { actorOf as actorOfUser } from '../src/features/auth/auth.service';
import { findUser } from '../src/features/users/users.repository';
import { addWeeks, weekOfInstant } from '../src/features/weeks/iso-week';
import type { Actor } from '../src/lib/actor';
import type { Session, TestApp } from './helpers';

/** The organisation's default time zone, which tests keep. */
export const TZ = 'Asia/Shanghai';

/** The week it is now in the organisation's time zone. */
export const currentWeek = (): string => weekOfInstant(new Date(), TZ);

/** The week `n` weeks before the current one. */
export const weeksAgo = (n: number): string => addWeeks(currentWeek(), -n);

/** A report item with sensible defaults. */
export const item = (content: string, extra: Partial<TReportItemInput> = {}): TReportItemInput => ({
  kind: 'work',
  content,
  ...extra,
});

/** The actor of a user, as the auth layer would build it, for calling services directly. */
export async function actorOf(t: TestApp, userId: string): Promise<Actor> {
  const u = await findUser(t.database.db, userId);
  if (!u) throw new Error(`no user ${userId}`);
  return actorOfUser(u, 'session', null, null);
}

/** Saves a report draft over HTTP and returns the response. */
export function saveReport(
  t: TestApp,
  as: Session,
  week: string,
  items: TReportItemInput[],
  summary?: string,
): Promise<LightMyRequestResponse> {
  return t.request({ method: 'PUT', url: `/api/v1/me/reports/${week}`, as, payload: { summary, items } });
}

/** Saves and submits a report over HTTP; throws unless both succeed; returns the submitted report. */
export async function submitReport(t: TestApp, as: Session, week: string, items: TReportItemInput[], summary?: string) {
  const saved = await saveReport(t, as, week, items, summary);
  if (saved.statusCode !== 200) throw new Error(`save failed: ${saved.statusCode} ${saved.body}`);
  const res = await t.request({ method: 'POST', url: `/api/v1/me/reports/${week}/submit`, as });
  if (res.statusCode !== 200) throw new Error(`submit failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Moves every user's creation time far back, so they owe past weeks. */
export async function backdateUsers(t: TestApp, at = '2020-01-01T00:00:00.000Z'): Promise<void> {
  await t.database.db.updateTable('users').set({ created_at: at }).execute();
}

/** The organisation most report tests use: who may see restricted items and who may not. */
export interface ReportOrg {
  city: string;
  office: string;
  secretary: string;
  tax: string;
  /** Member of 办公室, the author of the reports under test. */
  author: Session;
  /** Member of 办公室: a colleague, who sees restricted items redacted. */
  colleague: Session;
  /** Head of 办公室. */
  head: Session;
  /** Head of 税政科: another department's head. */
  otherHead: Session;
  /** Leader supervising 市局, an ancestor of 办公室. */
  leader: Session;
  /** Leader supervising 税政科 only. */
  otherLeader: Session;
  assessor: Session;
  admin: Session;
}

/** Builds the organisation: 市局 ─┬─ 办公室 ── 文秘科, └─ 税政科, with its people signed in. */
export async function buildReportOrg(t: TestApp): Promise<ReportOrg> {
  const city = await t.department('市局');
  const office = await t.department('办公室', city);
  const secretary = await t.department('文秘科', office);
  const tax = await t.department('税政科', city);
  await t.user({ username: 'author', departmentId: office, displayName: '王五', sortOrder: 2 });
  await t.user({ username: 'colleague', departmentId: office, displayName: '李四', sortOrder: 3 });
  await t.user({ username: 'head', departmentId: office, displayName: '赵主任', roles: ['head'], sortOrder: 1 });
  await t.user({ username: 'otherhead', departmentId: tax, displayName: '钱科长', roles: ['head'] });
  await t.user({ username: 'leader', departmentId: city, displayName: '孙局长', roles: ['leader'], supervises: [city] });
  await t.user({ username: 'otherleader', departmentId: city, displayName: '周局长', roles: ['leader'], supervises: [tax] });
  await t.user({ username: 'assessor', departmentId: city, displayName: '吴考核', roles: ['assessor'] });
  await t.user({ username: 'admin', departmentId: city, displayName: '管理员', roles: ['admin'] });
  await backdateUsers(t);
  const [author, colleague, head, otherHead, leader, otherLeader, assessor, admin] = await Promise.all(
    ['author', 'colleague', 'head', 'otherhead', 'leader', 'otherleader', 'assessor', 'admin'].map((u) => t.login(u)),
  );
  return {
    city,
    office,
    secretary,
    tax,
    author: author as Session,
    colleague: colleague as Session,
    head: head as Session,
    otherHead: otherHead as Session,
    leader: leader as Session,
    otherLeader: otherLeader as Session,
    assessor: assessor as Session,
    admin: admin as Session,
  };
}
