import type { TBulletin, TUser } from '@zhoubao/contracts';

/**
 * Where a member stands for the week. Drafts are private to their authors, so a member with only a
 * draft is `missing` (not submitted) like one who wrote nothing; `not_owed` is a member who joined after the week.
 */
export type MemberStatus = 'submitted' | 'late' | 'missing' | 'absent' | 'not_owed';

export interface MemberRow {
  userId: string;
  displayName: string;
  title: string | null;
  status: MemberStatus;
  reportId?: string;
  submittedAt?: string | null;
}

/** One row per member, in department order, from a compiled bulletin and the member list. */
export function memberRows(bulletin: TBulletin, members: readonly TUser[]): MemberRow[] {
  const byUser = new Map<string, MemberRow>();
  for (const r of bulletin.reports) {
    byUser.set(r.userId, {
      userId: r.userId,
      displayName: r.displayName,
      title: null,
      status: r.late ? 'late' : 'submitted',
      reportId: r.id,
      submittedAt: r.submittedAt,
    });
  }
  for (const [list, status] of [
    [bulletin.missing, 'missing'],
    [bulletin.absent, 'absent'],
  ] as const) {
    for (const p of list) if (!byUser.has(p.userId)) byUser.set(p.userId, { ...p, title: null, status });
  }
  const rows: MemberRow[] = members.map((m) => {
    const row = byUser.get(m.id);
    byUser.delete(m.id);
    return row
      ? { ...row, displayName: m.displayName, title: m.title }
      : { userId: m.id, displayName: m.displayName, title: m.title, status: 'not_owed' };
  });
  // People the bulletin names who are no longer listed as members (moved or disabled since).
  return [...rows, ...byUser.values()];
}

/** How many rows have each status. */
export function countByStatus(rows: readonly MemberRow[]): Record<MemberStatus, number> {
  const counts: Record<MemberStatus, number> = { submitted: 0, late: 0, missing: 0, absent: 0, not_owed: 0 };
  for (const r of rows) counts[r.status] += 1;
  return counts;
}
