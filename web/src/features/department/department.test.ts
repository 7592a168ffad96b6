import type { TBulletin, TReport, TUser } from '@zhoubao/contracts';
import { describe, expect, it } from 'vitest';
import { buildDepartmentTree } from '../../lib/department-tree';
import { departmentChoices } from './department-access';
import { countByStatus, memberRows } from './member-status';

const user = (id: string, extra: Partial<TUser> = {}): TUser =>
  ({
    id,
    username: id,
    displayName: id.toUpperCase(),
    departmentId: 'tax',
    title: null,
    roles: ['member'],
    supervises: [],
    ...extra,
  }) as TUser;

const report = (userId: string, late: boolean): TReport => ({
  id: `r-${userId}`,
  userId,
  displayName: userId,
  departmentId: 'tax',
  week: '2026-W48',
  status: 'submitted',
  summary: '',
  items: [],
  submittedAt: '2026-11-27T08:00:00Z',
  late,
  version: 1,
  updatedAt: '2026-11-27T08:00:00Z',
  similarToPrevious: null,
});

const bulletin = (parts: Partial<TBulletin>): TBulletin => ({
  department: { id: 'tax', name: '征管科' },
  week: '2026-W48',
  version: null,
  publishedAt: null,
  preview: true,
  summary: { summary: '', items: [] },
  reports: [],
  missing: [],
  absent: [],
  stats: { members: 0, submitted: 0, late: 0 },
  ...parts,
});

describe('memberRows', () => {
  it('gives every member a status in member order, drafts counting as not submitted', () => {
    const rows = memberRows(
      bulletin({
        reports: [report('b', false), report('d', true)],
        missing: [{ userId: 'a', displayName: 'A' }],
        absent: [{ userId: 'c', displayName: 'C' }],
      }),
      [user('a'), user('b'), user('c'), user('d'), user('e', { title: '科员' })],
    );
    expect(rows.map((r) => [r.userId, r.status])).toEqual([
      ['a', 'missing'],
      ['b', 'submitted'],
      ['c', 'absent'],
      ['d', 'late'],
      ['e', 'not_owed'],
    ]);
    expect(rows[1]?.reportId).toBe('r-b');
    expect(rows[4]?.title).toBe('科员');
    expect(countByStatus(rows)).toEqual({ submitted: 1, late: 1, missing: 1, absent: 1, not_owed: 1 });
  });

  it('keeps people the bulletin names who are no longer members, after the members', () => {
    const rows = memberRows(bulletin({ reports: [report('gone', false)] }), [user('a')]);
    expect(rows.map((r) => r.userId)).toEqual(['a', 'gone']);
  });
});

describe('departmentChoices', () => {
  const tree = buildDepartmentTree([
    { id: 'city', name: '市局', parentId: null, sortOrder: 0 },
    { id: 'tax', name: '征管科', parentId: 'city', sortOrder: 1 },
    { id: 'sub', name: '一所', parentId: 'tax', sortOrder: 0 },
    { id: 'office', name: '办公室', parentId: 'city', sortOrder: 2 },
  ]);
  const ids = (u: TUser) => departmentChoices(u, tree).map((c) => `${c.id}${c.manageable ? '' : '(read)'}`);

  it('offers a head their own department only', () => {
    expect(ids(user('h', { roles: ['member', 'head'] }))).toEqual(['tax']);
  });

  it('offers a leader the supervised departments and everything under them', () => {
    expect(ids(user('l', { roles: ['member', 'leader'], supervises: ['tax'] }))).toEqual(['tax', 'sub']);
  });

  it('offers assessors every department, and admins every department read-only', () => {
    expect(ids(user('s', { roles: ['member', 'assessor'] }))).toEqual(['city', 'tax', 'sub', 'office']);
    expect(ids(user('x', { roles: ['member', 'admin', 'head'] }))).toEqual(['city(read)', 'tax', 'sub(read)', 'office(read)']);
    expect(departmentChoices(user('s', { roles: ['member', 'assessor'] }), tree)[2]?.path).toBe('市局 / 征管科 / 一所');
  });

  it('offers a plain member nothing', () => {
    expect(ids(user('m'))).toEqual([]);
  });
});
