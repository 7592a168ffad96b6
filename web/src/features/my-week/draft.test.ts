import type { TReport } from '@zhoubao/contracts';
import { describe, expect, it } from 'vitest';
import {
  contentKey,
  draftFromReport,
  isContentMissing,
  moveItem,
  newItem,
  placeIssues,
  planAsWork,
  serverContentKey,
  toPayload,
} from './draft';

const report = (items: TReport['items'], summary = ''): TReport => ({
  id: 'r1',
  userId: 'u1',
  displayName: '张伟',
  departmentId: null,
  week: '2026-W47',
  status: 'submitted',
  summary,
  items,
  submittedAt: null,
  late: false,
  version: 1,
  updatedAt: '2026-11-20T09:00:00.000Z',
  similarToPrevious: null,
});

const item = (kind: 'work' | 'study' | 'plan', content: string, extra: Partial<TReport['items'][number]> = {}) => ({
  id: `id-${content}`,
  kind,
  category: null,
  content,
  outcome: null,
  visibility: 'public' as const,
  tags: [],
  goalId: null,
  ...extra,
});

describe('toPayload', () => {
  it('keeps the goal an item links to, both ways', () => {
    const server = report([item('work', '办税辅导', { goalId: 'g1' }), item('plan', '培训')], '');
    const draft = draftFromReport(server);
    expect(draft.items.map((i) => i.goalId)).toEqual(['g1', null]);
    expect(toPayload(draft).body.items.map((i) => i.goalId)).toEqual(['g1', null]);
    expect(newItem('work').goalId).toBeNull();
  });

  it('groups by kind, trims, and leaves out items without content', () => {
    const draft = {
      summary: '  忙碌的一周 ',
      items: [
        newItem('plan', { content: ' 下周计划 ' }),
        newItem('work', { content: '办税辅导', category: ' 纳税服务 ', tags: ['a', ' a ', ''], restricted: true }),
        newItem('study', { category: '学习' }),
        newItem('work'),
      ],
    };
    const { body, keys } = toPayload(draft);
    expect(body.summary).toBe('忙碌的一周');
    expect(body.items.map((i) => i.content)).toEqual(['办税辅导', '下周计划']);
    expect(body.items[0]).toMatchObject({
      kind: 'work',
      category: '纳税服务',
      visibility: 'restricted',
      tags: ['a'],
      outcome: null,
    });
    expect(keys).toEqual([draft.items[1]?.key, draft.items[0]?.key]);
    expect(draft.items.filter(isContentMissing)).toEqual([draft.items[2]]);
  });

  it('gives the server text and the same typed text the same content key', () => {
    const server = report([item('work', '办税辅导', { category: '纳税服务', tags: ['x'] }), item('plan', '培训')], '概述');
    const draft = draftFromReport(server);
    expect(contentKey(toPayload(draft).body)).toBe(serverContentKey(server));
    const edited = { ...draft, items: draft.items.map((i) => (i.kind === 'plan' ? { ...i, content: '培训 2' } : i)) };
    expect(contentKey(toPayload(edited).body)).not.toBe(serverContentKey(server));
    expect(serverContentKey(null)).toBe(contentKey({ summary: '', items: [] }));
  });
});

describe('moveItem', () => {
  it('swaps with the neighbour of the same kind only', () => {
    const a = newItem('work', { content: 'a' });
    const s = newItem('study', { content: 's' });
    const b = newItem('work', { content: 'b' });
    expect(moveItem([a, s, b], b.key, -1).map((i) => i.content)).toEqual(['b', 's', 'a']);
    expect(moveItem([a, s, b], a.key, -1).map((i) => i.content)).toEqual(['a', 's', 'b']);
    expect(moveItem([a, s, b], s.key, 1).map((i) => i.content)).toEqual(['a', 's', 'b']);
  });
});

describe('planAsWork', () => {
  it("turns last week's plan items into work items, skipping ones already there", () => {
    const previous = report([item('work', '旧工作'), item('plan', '计划一', { category: '征管' }), item('plan', '计划二')]);
    const { added, planned } = planAsWork(previous, [newItem('work', { content: '计划二' })]);
    expect(planned).toBe(2);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ kind: 'work', content: '计划一', category: '征管', outcome: '' });
    expect(added[0]?.id).toBeUndefined();
    expect(planAsWork(null, []).planned).toBe(0);
  });
});

describe('placeIssues', () => {
  it('puts server field errors on the item that was sent at that index', () => {
    const errors = placeIssues(
      [
        { path: 'body.items.3.content', message: 'too long' },
        { path: 'body.items.0.tags.2', message: 'too long' },
        { path: 'body.summary', message: 'too long' },
        { path: 'params.week', message: 'a future week' },
      ],
      ['k0', 'k1', 'k2', 'k3'],
    );
    expect(errors.items).toEqual({ k3: { content: 'too long' }, k0: { tags: 'too long' } });
    expect(errors.summary).toBe('too long');
    expect(errors.general).toEqual([{ path: 'params.week', message: 'a future week' }]);
  });
  it('puts the goal check of the server on the item’s goal picker', () => {
    const errors = placeIssues([{ path: 'body.items.1.goalId', message: 'goal dropped' }], ['k0', 'k1']);
    expect(errors.items).toEqual({ k1: { goalId: 'goal dropped' } });
  });
});
