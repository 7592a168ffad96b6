// A department's week: the head's summary and the published bulletin, as the bulletins service writes them.
import type { BulletinSnapshot } from '../features/bulletins/bulletins.compile';
import { addDays, weekStart } from '../features/weeks/iso-week';
import type { DemoPerson } from './org';
import { Rng } from './prng';
import { add, audit, iso, MINUTE, type Outcome, type Rows, type Simulation } from './simulation';
import { localInstant, type WeekCalendar } from './timeline';
import { departmentSummary, type WritingContext } from './writing';

/**
 * The head writes the department summary and publishes the bulletin the Monday after the week, once
 * every report of the week is in; a department now and then forgets. Nothing happens after `now`.
 */
export function departmentWeek(
  rows: Rows,
  s: Simulation,
  cal: WeekCalendar,
  index: number,
  outcomes: Map<string, Outcome>,
  writing: Omit<WritingContext, 'rng' | 'newId'>,
) {
  const department = s.org.departments[index];
  const head = department && s.org.heads.get(department.id);
  if (!department || !head || cal.deadlineMs === null) return;
  const rng = Rng.of(s.seed, 'department', cal.week, index);
  const members = s.org.members.get(department.id) ?? [];
  const submitted = members.flatMap((m) => {
    const o = outcomes.get(m.id);
    return o?.kind === 'submitted' ? [{ member: m, o }] : [];
  });
  const lastActivity = Math.max(cal.deadlineMs, ...submitted.map((x) => x.o.lastAt));
  const monday = localInstant(addDays(weekStart(cal.week), 7), 10 * 60 + rng.int(0, 360), cal.timezone, rng.int(0, 59));
  const publishedAt = Math.max(monday, lastActivity + rng.int(30, 120) * MINUTE);
  const savedAt = publishedAt - rng.int(5, 25) * MINUTE;
  if (savedAt > s.nowMs) return;
  const c: WritingContext = { ...writing, rng, newId: () => s.ids.at(savedAt) };
  const ref = (m: DemoPerson) => ({ userId: m.id, displayName: m.displayName });
  const missing = members.filter((m) => outcomes.get(m.id)?.kind === 'missing').map(ref);
  const absent = members.filter((m) => outcomes.get(m.id)?.kind === 'absent').map(ref);
  const late = submitted.filter((x) => x.o.late).length;
  const counts = { owed: members.length - absent.length, submitted: submitted.length, late };
  const text = departmentSummary(
    c,
    department,
    counts,
    submitted.flatMap((x) => x.o.items),
  );
  const items = JSON.stringify(text.items);
  add(rows, 'department_summaries', {
    department_id: department.id,
    week: cal.week,
    summary: text.summary,
    items,
    version: 1,
    updated_at: iso(savedAt),
    updated_by: head.id,
  });
  audit(rows, s, savedAt, head.id, 'summary.saved', ['department', department.id], { week: cal.week, version: 1 });
  if (publishedAt > s.nowMs || rng.chance(0.04)) return;
  const snapshot: BulletinSnapshot = {
    summary: { summary: text.summary, items: text.items },
    reports: submitted.map((x) => ({ reportId: x.o.reportId, version: x.o.version })),
    missing,
    absent,
    stats: { members: members.length, submitted: submitted.length, late },
  };
  const id = s.ids.at(publishedAt);
  add(rows, 'bulletin_versions', {
    id,
    department_id: department.id,
    week: cal.week,
    version: 1,
    published_at: iso(publishedAt),
    published_by: head.id,
    snapshot: JSON.stringify(snapshot),
  });
  audit(rows, s, publishedAt, head.id, 'bulletin.published', ['bulletin', id], {
    departmentId: department.id,
    week: cal.week,
    version: 1,
    reports: submitted.length,
  });
}
