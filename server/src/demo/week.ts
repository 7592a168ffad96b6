// One week of the demo organisation as rows: each person's report with its items, versions and read
// receipts, then each department's summary and bulletin — what the services would have written.
import { itemRow, type StoredItem } from '../features/reports/reports.repository';
import { reportText, similarity } from '../features/reports/similarity';
import { allCovered } from '../features/weeks/calendar';
import { weekStart } from '../features/weeks/iso-week';
import { departmentWeek } from './department-week';
import type { DemoPerson } from './org';
import { Rng } from './prng';
import { add, audit, iso, MINUTE, type Outcome, type Rows, type Simulation, type Submitted } from './simulation';
import { fateOf, type WeekCalendar } from './timeline';
import { composeItems, copyItems, reportSummary, reviseItems, type WritingContext } from './writing';

/** The text of the author's latest earlier-week report that was submitted before `at`, as it read then. */
function previousText(history: readonly Submitted[], week: string, at: number): string | null {
  for (let i = history.length - 1; i >= 0; i--) {
    const h = history[i] as Submitted;
    if (h.week < week && h.submittedAt < at)
      return reportText(h.revisedAt !== null && h.revisedAt < at ? (h.revised ?? h.items) : h.items);
  }
  return null;
}

const similarAt = (history: readonly Submitted[], week: string, at: number, items: StoredItem[]): number | null => {
  const before = previousText(history, week, at);
  return before === null ? null : similarity(reportText(items), before);
};

/** Who reads a submitted report, and when: the head, a leader, some colleagues, now and then an assessor. */
function readReceipts(rows: Rows, s: Simulation, rng: Rng, person: DemoPerson, reportId: string, submittedAt: number) {
  const colleagues = (s.org.members.get(person.department.id) ?? []).filter((p) => p !== person);
  const head = s.org.heads.get(person.department.id);
  const leaders = s.org.leaders.get(person.department.id) ?? [];
  const readers = new Set<string>();
  if (head && head !== person && rng.chance(0.7)) readers.add(head.id);
  if (leaders.length && rng.chance(0.3)) readers.add(rng.pick(leaders).id);
  if (s.assessorId && s.assessorId !== person.id && rng.chance(0.08)) readers.add(s.assessorId);
  for (const c of rng.sample(
    colleagues,
    rng.weighted([
      [0, 3],
      [1, 3],
      [2, 2],
      [3, 1],
    ]),
  ))
    readers.add(c.id);
  for (const userId of readers) {
    const first = submittedAt + rng.int(5, 72 * 60) * MINUTE + rng.int(0, 59) * 1000;
    if (first > s.nowMs) continue;
    const last = rng.chance(0.3) ? Math.min(s.nowMs, first + rng.int(10, 48 * 60) * MINUTE) : first;
    add(rows, 'report_reads', { report_id: reportId, user_id: userId, first_read_at: iso(first), last_read_at: iso(last) });
  }
}

/** One person's report of the week, if any: rows for the report, its items, versions, reads and audit. */
function personWeek(
  rows: Rows,
  s: Simulation,
  cal: WeekCalendar,
  person: DemoPerson,
  writing: Omit<WritingContext, 'rng' | 'newId'>,
): Outcome {
  const leave = s.absences.get(person.id) ?? [];
  if (cal.deadlineMs === null) return { kind: 'missing' };
  if (leave.length && allCovered(cal.workdays, leave)) return { kind: 'absent' };
  const rng = Rng.of(s.seed, 'week', cal.week, person.index);
  const fate = fateOf(rng, person.traits, cal, s.nowMs);
  if (fate.kind === 'none') return { kind: 'missing' };
  const partial = cal.workdays.some((d) => allCovered([d], leave));
  const c: WritingContext = { ...writing, rng, newId: () => s.ids.at(fate.createdAt) };
  const history = s.history.get(person.id) ?? [];
  const last = history.at(-1);
  const copied = person.traits.copier && last !== undefined && rng.chance(0.6);
  const workCount = Math.max(1, person.traits.verbosity + rng.int(-1, 1) - (partial ? 1 : 0));
  const items = copied
    ? copyItems(c, person.department, last.revised ?? last.items)
    : composeItems(c, person.department, workCount);
  const summary = reportSummary(c, person.department, items);
  const id = s.ids.at(fate.createdAt);
  const base = {
    id,
    user_id: person.id,
    week: cal.week,
    department_id: person.department.id,
    summary,
    created_at: iso(fate.createdAt),
    deleted_at: null,
  };
  if (fate.kind === 'draft') {
    add(rows, 'reports', {
      ...base,
      status: 'draft',
      version: 1,
      submitted_at: null,
      late: 0,
      similar_to_previous: null,
      updated_at: iso(fate.updatedAt),
    });
    pushItems(rows, id, items);
    return { kind: 'missing' };
  }
  const late = fate.submittedAt > cal.deadlineMs;
  const similar = similarAt(history, cal.week, fate.submittedAt, items);
  const versions = rows.report_versions ?? [];
  rows.report_versions = versions;
  const version = (n: number, at: number, list: StoredItem[], sim: number | null) =>
    versions.push({
      report_id: id,
      version: n,
      saved_at: iso(at),
      saved_by: person.id,
      summary,
      items: JSON.stringify(list),
      similar_to_previous: sim,
    });
  version(1, fate.submittedAt, items, similar);
  audit(rows, s, fate.submittedAt, person.id, 'report.submitted', ['report', id], { week: cal.week, late });
  let final = items;
  let finalSimilar = similar;
  if (fate.revisedAt !== null) {
    final = reviseItems({ ...c, newId: () => s.ids.at(fate.revisedAt as number) }, person.department, items);
    finalSimilar = similarAt(history, cal.week, fate.revisedAt, final);
    version(2, fate.revisedAt, final, finalSimilar);
    audit(rows, s, fate.revisedAt, person.id, 'report.revised', ['report', id], { week: cal.week, version: 2 });
  }
  const updatedAt = fate.revisedAt ?? fate.submittedAt;
  add(rows, 'reports', {
    ...base,
    status: 'submitted',
    version: fate.revisedAt === null ? 1 : 2,
    submitted_at: iso(fate.submittedAt),
    late: late ? 1 : 0,
    similar_to_previous: finalSimilar,
    updated_at: iso(updatedAt),
  });
  pushItems(rows, id, final);
  readReceipts(rows, s, rng, person, id, fate.submittedAt);
  history.push({
    week: cal.week,
    submittedAt: fate.submittedAt,
    items,
    revisedAt: fate.revisedAt,
    revised: fate.revisedAt === null ? null : final,
  });
  s.history.set(person.id, history.slice(-4));
  return { kind: 'submitted', reportId: id, version: fate.revisedAt === null ? 1 : 2, late, lastAt: updatedAt, items: final };
}

function pushItems(rows: Rows, reportId: string, items: readonly StoredItem[]) {
  for (const [position, i] of items.entries()) add(rows, 'report_items', itemRow(reportId, i, position));
}

/** Every row of one week: each person's report (in organisation order), then each department's bulletin. */
export function simulateWeek(s: Simulation, cal: WeekCalendar): Rows {
  const rows: Rows = {};
  const monday = weekStart(cal.week);
  const month = Number(monday.slice(5, 7));
  const writing = { month, quarter: Math.ceil(month / 3), departmentNames: s.org.departments.slice(1).map((d) => d.name) };
  const outcomes = new Map<string, Outcome>();
  for (const person of s.org.people) outcomes.set(person.id, personWeek(rows, s, cal, person, writing));
  s.org.departments.forEach((_, i) => {
    departmentWeek(rows, s, cal, i, outcomes, writing);
  });
  return rows;
}
