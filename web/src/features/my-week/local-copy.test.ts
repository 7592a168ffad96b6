import type { TReport } from '@zhoubao/contracts';
import { describe, expect, it } from 'vitest';
import { draftFromReport, newItem } from './draft';
import { startingPoint } from './local-copy';

const server: TReport = {
  id: 'r1',
  userId: 'u1',
  displayName: '张伟',
  departmentId: null,
  week: '2026-W48',
  status: 'draft',
  summary: '',
  items: [
    { id: 'i1', kind: 'work', category: null, content: '办税辅导', outcome: null, visibility: 'public', tags: [], goalId: null },
  ],
  submittedAt: null,
  late: false,
  version: 1,
  updatedAt: '2026-11-25T02:00:00.000Z',
  similarToPrevious: null,
};

const typed = { summary: '', items: [newItem('work', { content: '办税辅导，已办结' })] };

describe('startingPoint', () => {
  it("opens the server's text when there is no local copy", () => {
    const start = startingPoint(server, null);
    expect(start.restored).toBeNull();
    expect(start.draft.items[0]?.content).toBe('办税辅导');
  });

  it('restores a local copy made on top of the same server version, whatever the clocks say', () => {
    const local = { savedAt: '2020-01-01T00:00:00.000Z', baseUpdatedAt: server.updatedAt, draft: typed };
    const start = startingPoint(server, local);
    expect(start.restored).toBe(local);
    expect(start.draft).toBe(typed);
  });

  it('restores a local copy newer than the server, and one made before any server save', () => {
    const local = { savedAt: '2026-11-25T02:00:05.000Z', baseUpdatedAt: null, draft: typed };
    expect(startingPoint(server, local).restored).toBe(local);
    expect(startingPoint(null, local).restored).toBe(local);
  });

  it('drops a local copy the server already holds, or one older than the server', () => {
    const same = { savedAt: '2026-11-25T03:00:00.000Z', baseUpdatedAt: null, draft: draftFromReport(server) };
    expect(startingPoint(server, same)).toMatchObject({ restored: null, dropLocal: true });
    const old = { savedAt: '2026-11-25T01:00:00.000Z', baseUpdatedAt: '2026-11-24T01:00:00.000Z', draft: typed };
    expect(startingPoint(server, old)).toMatchObject({ restored: null, dropLocal: true });
  });

  it('drops an untouched empty local copy when there is no report', () => {
    const empty = { savedAt: '2026-11-25T03:00:00.000Z', baseUpdatedAt: null, draft: { summary: '', items: [newItem('work')] } };
    expect(startingPoint(null, empty)).toMatchObject({ restored: null, dropLocal: true });
  });
});
