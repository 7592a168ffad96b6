// Leave in the demo organisation: training weeks, annual leave, sick leave and wedding leave,
// recorded by the person or their head as the absences feature records them.
import type { Insertable } from 'kysely';
import type { AbsencesTable, AuditLogTable } from '../db/schema';
import { addDays, weekStart, zonedInstant } from '../features/weeks/iso-week';
import type { DemoOrg, DemoPerson } from './org';
import { type IdSource, Rng } from './prng';

/** A date range of leave, both ends included. */
export interface LeaveRange {
  from: string;
  to: string;
}

/** The generated absences: rows to insert, their audit entries, and each person's ranges. */
export interface GeneratedAbsences {
  rows: Insertable<AbsencesTable>[];
  audit: Insertable<AuditLogTable>[];
  byPerson: Map<string, LeaveRange[]>;
}

type Kind = 'training' | 'annual' | 'sick' | 'wedding';

const REASONS: Record<Kind, string> = {
  training: '参加省局业务培训',
  annual: '年休假',
  sick: '病假',
  wedding: '婚假',
};

/** The leave of one kind starting in a week: [from, to]. */
function rangeOf(rng: Rng, kind: Kind, week: string): LeaveRange {
  const monday = weekStart(week);
  switch (kind) {
    case 'training':
      return { from: monday, to: addDays(monday, 6) };
    case 'wedding':
      return { from: monday, to: addDays(monday, 9) };
    case 'annual': {
      const from = addDays(monday, rng.int(0, 3));
      return { from, to: addDays(from, rng.int(1, 4)) };
    }
    case 'sick': {
      const from = addDays(monday, rng.int(0, 4));
      return { from, to: addDays(from, rng.int(0, 2)) };
    }
  }
}

/**
 * Gives about one person in twenty a spell of leave in the generated weeks; the first working
 * department always has one member away on training for a whole week, so every demo shows it.
 */
export function generateAbsences(
  org: DemoOrg,
  weeks: readonly string[],
  o: { seed: number; nowMs: number; timezone: string; ids: IdSource },
): GeneratedAbsences {
  const out: GeneratedAbsences = { rows: [], audit: [], byPerson: new Map() };
  const rng = Rng.of(o.seed, 'absences');
  const record = (person: DemoPerson, kind: Kind, range: LeaveRange) => {
    const head = org.heads.get(person.department.id);
    const byHead = head !== undefined && head !== person && (kind === 'sick' || rng.chance(0.3));
    const daysBefore = kind === 'sick' ? 0 : rng.int(1, 7);
    const planned = zonedInstant(addDays(range.from, -daysBefore), '09:00', o.timezone) + rng.int(0, 480) * 60_000;
    const at = Math.min(planned, o.nowMs - 60_000);
    const createdAt = new Date(at).toISOString();
    const createdBy = byHead ? head.id : person.id;
    const id = o.ids.at(at);
    const reason = REASONS[kind];
    out.rows.push({
      id,
      user_id: person.id,
      from_date: range.from,
      to_date: range.to,
      reason,
      created_by: createdBy,
      created_at: createdAt,
      deleted_at: null,
    });
    out.audit.push({
      id: o.ids.at(at),
      at: createdAt,
      actor_id: createdBy,
      action: 'absence.created',
      target_type: 'absence',
      target_id: id,
      ip: null,
      data: JSON.stringify({ userId: person.id, from: range.from, to: range.to, reason }),
    });
    out.byPerson.set(person.id, [...(out.byPerson.get(person.id) ?? []), range]);
  };

  // A whole past week of training for a member of the first working department.
  const first = org.departments[1];
  const candidates = (first ? (org.members.get(first.id) ?? []) : []).filter((p) => !p.roles.includes('head'));
  const trainee = candidates.length ? rng.pick(candidates) : undefined;
  if (trainee && weeks.length)
    record(trainee, 'training', rangeOf(rng, 'training', weeks[Math.max(0, weeks.length - 2)] as string));

  for (const person of org.people) {
    if (person === trainee || person.roles.includes('leader') || !rng.chance(0.05)) continue;
    const kind = rng.weighted<Kind>([
      ['training', 3],
      ['annual', 4],
      ['sick', 2],
      ['wedding', 1],
    ]);
    record(person, kind, rangeOf(rng, kind, rng.pick(weeks)));
  }
  return out;
}
