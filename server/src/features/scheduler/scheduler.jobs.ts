import type { TJobName } from '@zhoubao/contracts';
import type { AppContext } from '../../context';
import { publishBulletin } from '../bulletins/bulletins.service';
import type { DepartmentTree } from '../departments/department-tree';
import { loadTree } from '../departments/departments.repository';
import { dedupedNotificationId, type NotifyRow, notifyUsers } from '../notifications/notifications.service';
import { deadlineOf } from '../weeks/calendar';
import { addWeeks, weekOfInstant, weeksBetween } from '../weeks/iso-week';
import { type JobOutcome, type RunHandle, runOnce } from './job-runner';
import { type CalendarView, isDue, type PlannedRun, plannedRuns } from './schedule-times';
import * as repo from './scheduler.repository';
import { calendarAround, getScheduleSettings } from './scheduler.service';
import { SYSTEM_ACTOR } from './system-actor';
import { type Person, weekStanding } from './week-standing';

// The scheduled jobs. Each is keyed by its report week in job_runs (so it runs once across all
// processes) and every message it sends carries a dedupe key (so a run taken over after a crash
// sends nothing twice). The croner tick calls runDueJobs every minute; tests call it with a fixed `now`.

/** Notifications are written and e-mails enqueued this many at a time, renewing the lease in between. */
const BATCH = 500;
/** A heads' missing list names at most this many people in its data (the count is always complete). */
const MAX_NAMES = 50;
/** A digest lists at most this many departments (the totals cover all). */
const MAX_DIGEST_ROWS = 30;

interface JobInput {
  ctx: AppContext;
  run: RunHandle;
  week: string;
  cal: CalendarView;
  /** When the run was planned (epoch ms): the same on every attempt, unlike `run.now`. */
  plannedAt: number;
}

const deadlineIso = (week: string, cal: CalendarView) => deadlineOf(week, cal.settings, cal.overrides).deadline as string;

const inboxRow = (userId: string, type: string, data: Record<string, unknown>, at: string, dedupeKey: string): NotifyRow => ({
  id: dedupedNotificationId(dedupeKey),
  user_id: userId,
  type,
  data: JSON.stringify(data),
  created_at: at,
  read_at: null,
  dedupeKey,
});

/** Sends rows in batches, renewing the run's lease between batches; returns what went out. */
async function sendInBatches(ctx: AppContext, run: RunHandle, rows: NotifyRow[]) {
  const sent = { inApp: 0, emails: 0 };
  for (let i = 0; i < rows.length; i += BATCH) {
    const r = await notifyUsers(ctx, rows.slice(i, i + BATCH));
    sent.inApp += r.inApp;
    sent.emails += r.emails;
    await run.renew();
  }
  return sent;
}

/** The reminder (or the morning one) to everyone who still owes the week: never the absent, never who submitted. */
async function remind({ ctx, run, week, cal }: JobInput, morning: boolean) {
  const { owing } = await weekStanding(ctx, week, cal.settings.timezone);
  const deadline = deadlineIso(week, cal);
  const at = run.now.toISOString();
  const rows = owing.map((p) =>
    inboxRow(p.id, 'reminder', { week, deadline, morning }, at, `reminder:${week}:${p.id}${morning ? ':morning' : ''}`),
  );
  return { people: owing.length, ...(await sendInBatches(ctx, run, rows)) };
}

function byDepartment(people: readonly Person[]): Map<string, Person[]> {
  const out = new Map<string, Person[]>();
  for (const p of people) out.set(p.departmentId, [...(out.get(p.departmentId) ?? []), p]);
  return out;
}

/** Each head gets their department's missing people; `reminder.missing` is announced once per department. */
async function missingList({ ctx, run, week, cal, plannedAt }: JobInput) {
  const [{ owing }, heads, tree] = await Promise.all([
    weekStanding(ctx, week, cal.settings.timezone),
    repo.listActiveHeads(ctx.db),
    loadTree(ctx.db),
  ]);
  const deadline = deadlineIso(week, cal);
  const at = run.now.toISOString();
  const missingBy = byDepartment(owing);
  const rows: NotifyRow[] = [];
  for (const head of heads) {
    const missing = missingBy.get(head.department_id);
    if (!missing) continue;
    const data = {
      week,
      deadline,
      departmentId: head.department_id,
      departmentName: tree.get(head.department_id)?.name ?? null,
      count: missing.length,
      missing: missing.slice(0, MAX_NAMES).map((p) => ({ userId: p.id, displayName: p.displayName })),
    };
    rows.push(inboxRow(head.id, 'reminder.missing', data, at, `missing:${week}:${head.department_id}:${head.id}`));
  }
  const sent = await sendInBatches(ctx, run, rows);
  // The event carries the planned time, so a run taken over after a crash announces the very same event.
  const plannedIso = new Date(plannedAt).toISOString();
  for (const [departmentId, missing] of missingBy) {
    ctx.events.emit('reminder.missing', {
      departmentId,
      week,
      deadline,
      missing: missing.map((p) => ({ userId: p.id, displayName: p.displayName })),
      at: plannedIso,
    });
  }
  return { departments: missingBy.size, missing: owing.length, ...sent };
}

interface DepartmentFigures {
  id: string;
  name: string;
  members: number;
  submitted: number;
  late: number;
  missing: number;
  published: boolean;
}

/** The week's figures of every department with members, in tree order. */
async function departmentFigures(ctx: AppContext, week: string, cal: CalendarView, tree: DepartmentTree) {
  const [standing, published] = await Promise.all([
    weekStanding(ctx, week, cal.settings.timezone),
    repo.publishedDepartments(ctx.db, week),
  ]);
  const figures = new Map<string, DepartmentFigures>();
  const of = (id: string) => {
    let f = figures.get(id);
    if (!f) {
      f = { id, name: tree.get(id)?.name ?? '', members: 0, submitted: 0, late: 0, missing: 0, published: published.has(id) };
      figures.set(id, f);
    }
    return f;
  };
  const owing = new Set(standing.owing.map((p) => p.id));
  for (const p of standing.people) {
    const f = of(p.departmentId);
    f.members++;
    const s = standing.submitted.get(p.id);
    if (s) f.submitted++;
    if (s?.late) f.late++;
    if (owing.has(p.id)) f.missing++;
  }
  return tree
    .ordered()
    .map((d) => figures.get(d.id))
    .filter((f): f is DepartmentFigures => f !== undefined);
}

/** Last week's figures to each leader (their supervised departments and those below) and each assessor (all). */
async function digest({ ctx, run, week, cal }: JobInput) {
  const tree = await loadTree(ctx.db);
  const [figures, recipients] = await Promise.all([departmentFigures(ctx, week, cal, tree), repo.listDigestRecipients(ctx.db)]);
  const at = run.now.toISOString();
  const rows: NotifyRow[] = [];
  for (const r of recipients) {
    const scope = r.assessor ? null : new Set(r.supervises.flatMap((d) => tree.subtree(d)));
    const mine = scope ? figures.filter((f) => scope.has(f.id)) : figures;
    if (mine.length === 0) continue;
    const sum = (k: 'members' | 'submitted' | 'late' | 'missing') => mine.reduce((n, f) => n + f[k], 0);
    const data = {
      week,
      totals: { members: sum('members'), submitted: sum('submitted'), late: sum('late'), missing: sum('missing') },
      publishedCount: mine.filter((f) => f.published).length,
      departments: mine.slice(0, MAX_DIGEST_ROWS),
      more: Math.max(0, mine.length - MAX_DIGEST_ROWS),
    };
    rows.push(inboxRow(r.id, 'digest', data, at, `digest:${week}:${r.id}`));
  }
  return { recipients: rows.length, ...(await sendInBatches(ctx, run, rows)) };
}

/** Publishes, as the system, each department's bulletin not yet published (skipping those with nothing to compile). */
async function autoPublish({ ctx, run, week, cal }: JobInput) {
  const tree = await loadTree(ctx.db);
  const [figures, summaries] = await Promise.all([
    departmentFigures(ctx, week, cal, tree),
    repo.departmentsWithSummary(ctx.db, week),
  ]);
  const done = { published: 0, alreadyPublished: 0, empty: 0, failed: 0 };
  const errors: string[] = [];
  for (const f of figures) {
    // Read again right before publishing: a head may have published since the figures were read.
    if (f.published || (await repo.publishedDepartments(ctx.db, week)).has(f.id)) done.alreadyPublished++;
    else if (f.submitted === 0 && !summaries.has(f.id)) done.empty++;
    else {
      try {
        await publishBulletin(ctx, SYSTEM_ACTOR, f.id, week, run.now);
        done.published++;
      } catch (err) {
        done.failed++;
        errors.push(`${f.name}: ${err instanceof Error ? err.message : String(err)}`);
      }
      await run.renew();
    }
  }
  // A failed department fails the run, which is tried again later; the published ones are skipped then.
  if (errors.length > 0) throw new Error(`Publishing failed for ${errors.length} department(s): ${errors.join('; ')}`);
  return done;
}

const HANDLERS: Record<TJobName, (input: JobInput) => Promise<Record<string, unknown>>> = {
  reminder: (i) => remind(i, false),
  morning_reminder: (i) => remind(i, true),
  missing_list: missingList,
  digest,
  auto_publish: autoPublish,
};

/** How many weeks back a run can still be due (a digest moved past a long holiday, plus its 5 working days of grace). */
const WEEKS_BACK = 5;

/** The runs due at `now`: for the last few report weeks, every enabled job whose time has come and is not stale. */
export async function dueRuns(ctx: AppContext, now: Date): Promise<{ runs: PlannedRun[]; cal: CalendarView }> {
  const settings = await getScheduleSettings(ctx);
  const cal = await calendarAround(ctx, weekOfInstant(now, ctx.config.timezone), -WEEKS_BACK - 1, 10);
  const current = weekOfInstant(now, cal.settings.timezone);
  const weeks = weeksBetween(addWeeks(current, -WEEKS_BACK), current);
  const runs = weeks.flatMap((w) => plannedRuns(w, cal, settings)).filter((r) => isDue(r, now.getTime(), cal));
  return { runs, cal };
}

/**
 * Runs every job that is due at `now` and not yet run by any process, each at most once per report
 * week. Safe to call from any number of processes at once, and as often as wanted: a later call
 * with the same `now` does nothing new. Returns what each due run did here.
 */
export async function runDueJobs(ctx: AppContext, now = new Date(), owner?: string): Promise<JobOutcome[]> {
  const { runs, cal } = await dueRuns(ctx, now);
  const outcomes: JobOutcome[] = [];
  for (const r of runs) {
    const work = (run: RunHandle) => HANDLERS[r.job]({ ctx, run, week: r.week, cal, plannedAt: r.at });
    outcomes.push(await runOnce(ctx, { job: r.job, runKey: r.week }, now, work, owner));
  }
  return outcomes;
}
