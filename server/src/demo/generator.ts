// Generates a whole demo organisation — a city tax bureau with its people and weeks of reports —
// straight into the tables, in set-based batches, with the rows the services would have written.
import type { Insertable } from 'kysely';
import type { Config } from '../config';
import type { AppContext } from '../context';
import type { Db } from '../db/database';
import type { UsersTable } from '../db/schema';
import { rebuildSearchIndex } from '../features/search/search.rebuild';
import { getSettings } from '../features/settings/settings.service';
import { usernameKey } from '../features/users/users.repository';
import { deadlineOf, workingDaysOf } from '../features/weeks/calendar';
import {
  addWeeks,
  compareWeeks,
  isValidWeekId,
  weekEnd,
  weekOfInstant,
  weekStart,
  weeksBetween,
} from '../features/weeks/iso-week';
import { loadOverrides } from '../features/weeks/weeks.service';
import { generateAbsences } from './absences';
import { insertRows } from './insert';
import { buildOrg, type DemoOrg, type SignIns } from './org';
import { IdSource } from './prng';
import type { Rows, Simulation } from './simulation';
import { localInstant, type WeekCalendar } from './timeline';
import { simulateWeek } from './week';

/** The size of `npm run demo`: 12 departments of 12 people plus the leaders, 12 weeks. */
export const DEMO_SIZE = { departments: 12, peoplePerDepartment: 12, weeks: 12 } as const;

/** What to generate. */
export interface GenerateOptions {
  /** The same seed (and the same `now` and `endWeek`) always gives the same data. */
  seed: number;
  departments: number;
  peoplePerDepartment: number;
  /** How many weeks of reports, ending with `endWeek`. */
  weeks: number;
  /** The last week with reports; the week of `now` when not given. Never after the week of `now`. */
  endWeek?: string | undefined;
  /** The moment the data is seen from: nothing is submitted, read or published after it. */
  now?: Date | undefined;
  /** Everyone's password hash (one hash shared by all), or null for no password. */
  passwordHash: string | null;
  /** The organisation's time zone when none is stored yet. */
  timezone?: string | undefined;
}

/** What was generated, with example sign-ins. */
export interface GenerationSummary {
  orgName: string;
  seed: number;
  weeks: string[];
  departments: number;
  users: number;
  reports: number;
  submitted: number;
  late: number;
  drafts: number;
  items: number;
  versions: number;
  reads: number;
  absences: number;
  summaries: number;
  bulletins: number;
  signIns: SignIns;
}

function assertSize(name: string, value: number, max: number) {
  if (!Number.isInteger(value) || value < 1 || value > max)
    throw new RangeError(`${name} must be a whole number from 1 to ${max}`);
}

/** The rows of the organisation itself: settings, departments, people, roles and supervision. */
function organisationRows(org: DemoOrg, passwordHash: string | null, createdAtMs: number): Rows {
  const created = new Date(createdAtMs).toISOString();
  const users: Insertable<UsersTable>[] = org.people.map((p) => ({
    id: p.id,
    username: p.username,
    username_key: usernameKey(p.username),
    display_name: p.displayName,
    department_id: p.department.id,
    title: p.title,
    email: null,
    password_hash: passwordHash,
    active: 1,
    sort_order: p.sortOrder,
    locale: null,
    created_at: new Date(p.createdAtMs).toISOString(),
    updated_at: new Date(p.createdAtMs).toISOString(),
  }));
  return {
    settings: [
      { key: 'setup', value: JSON.stringify({ at: created, via: 'demo' }), updated_at: created },
      { key: 'orgName', value: JSON.stringify(org.orgName), updated_at: created },
    ],
    departments: [org.root, ...org.departments].map((d) => ({
      id: d.id,
      name: d.name,
      parent_id: d.parentId,
      sort_order: d.sortOrder,
      created_at: created,
      updated_at: created,
    })),
    users,
    user_roles: org.people.flatMap((p) => p.roles.map((role) => ({ user_id: p.id, role }))),
    user_supervises: org.people.flatMap((p) => p.supervises.map((department_id) => ({ user_id: p.id, department_id }))),
  };
}

/** The weeks to generate and their deadlines, by the official calendar and the stored overrides. */
async function calendarOf(db: Db, o: GenerateOptions, nowMs: number, timezone: string) {
  // getSettings reads only the database and the configured time zone from its context.
  const context = { db, config: { timezone } as Config } as AppContext;
  const settings = await getSettings(context, db);
  const current = weekOfInstant(new Date(nowMs), settings.timezone);
  const endWeek = o.endWeek ?? current;
  if (!isValidWeekId(endWeek) || compareWeeks(endWeek, current) > 0) {
    throw new RangeError(`endWeek must be a week no later than the current one (${current})`);
  }
  const weeks = weeksBetween(addWeeks(endWeek, 1 - o.weeks), endWeek);
  const overrides = await loadOverrides(db, weekStart(weeks[0] as string), weekEnd(endWeek));
  const [hours, minutes] = settings.deadline.time.split(':').map(Number) as [number, number];
  const calendars = weeks.map((week): WeekCalendar => {
    const d = deadlineOf(week, settings, overrides);
    return {
      week,
      workdays: workingDaysOf(week, overrides),
      deadlineMs: d.deadline === null ? null : Date.parse(d.deadline),
      deadlineDate: d.date,
      deadlineMinutes: hours * 60 + minutes,
      timezone: settings.timezone,
    };
  });
  return { weeks, calendars, timezone: settings.timezone };
}

function tally(summary: GenerationSummary, rows: Rows) {
  const reports = rows.reports ?? [];
  summary.reports += reports.length;
  summary.submitted += reports.filter((r) => r.status === 'submitted').length;
  summary.late += reports.filter((r) => r.late === 1).length;
  summary.drafts += reports.filter((r) => r.status === 'draft').length;
  summary.items += rows.report_items?.length ?? 0;
  summary.versions += rows.report_versions?.length ?? 0;
  summary.reads += rows.report_reads?.length ?? 0;
  summary.summaries += rows.department_summaries?.length ?? 0;
  summary.bulletins += rows.bulletin_versions?.length ?? 0;
}

/**
 * Generates a city tax bureau into an empty database: a leadership group and `departments`
 * departments of `peoplePerDepartment` people (a head each; leaders, an assessor, an auditor and
 * the admin `admin` among them), their leave, and `weeks` weeks of itemised reports up to `endWeek`
 * — on time, late, missing or still drafts as seen from `now` — with versions, similarity, read
 * receipts, department summaries and published bulletins, then the search index. One transaction
 * per week; deterministic for a given seed, `now` and `endWeek`.
 */
export async function generateOrganisation(db: Db, o: GenerateOptions): Promise<GenerationSummary> {
  assertSize('departments', o.departments, 10_000);
  assertSize('peoplePerDepartment', o.peoplePerDepartment, 10_000);
  assertSize('weeks', o.weeks, 520);
  const nowMs = (o.now ?? new Date()).getTime();
  const existing = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (existing) throw new Error('generateOrganisation needs a database without users');
  const { weeks, calendars, timezone } = await calendarOf(db, o, nowMs, o.timezone ?? 'Asia/Shanghai');
  const ids = new IdSource(o.seed);
  // Accounts start with the first generated week, so scores count no weeks before the data begins.
  const createdAtMs = localInstant(weekStart(weeks[0] as string), 9 * 60, timezone);
  const org = buildOrg({
    seed: o.seed,
    departments: o.departments,
    peoplePerDepartment: o.peoplePerDepartment,
    createdAtMs,
    ids,
  });
  const leave = generateAbsences(org, weeks, { seed: o.seed, nowMs, timezone, ids });
  const summary: GenerationSummary = {
    orgName: org.orgName,
    seed: o.seed,
    weeks,
    departments: org.departments.length + 1,
    users: org.people.length,
    reports: 0,
    submitted: 0,
    late: 0,
    drafts: 0,
    items: 0,
    versions: 0,
    reads: 0,
    absences: leave.rows.length,
    summaries: 0,
    bulletins: 0,
    signIns: org.signIns,
  };
  await db.transaction().execute(async (trx) => {
    await insertRows(trx, {
      ...organisationRows(org, o.passwordHash, createdAtMs),
      absences: leave.rows,
      audit_log: leave.audit,
    });
  });
  const simulation: Simulation = {
    seed: o.seed,
    org,
    nowMs,
    ids,
    absences: leave.byPerson,
    history: new Map(),
    assessorId: org.people.find((p) => p.roles.includes('assessor'))?.id ?? null,
  };
  for (const calendar of calendars) {
    const rows = simulateWeek(simulation, calendar);
    await db.transaction().execute((trx) => insertRows(trx, rows));
    tally(summary, rows);
  }
  // The rows went in directly, past the services that index what they write: index them all now.
  await rebuildSearchIndex(db, { batchSize: 1000 });
  return summary;
}
