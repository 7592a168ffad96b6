// The contract every SearchProvider keeps, run against SQLite FTS5 and PostgreSQL tsvector alike.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS } from '../../../test/helpers';
import type { Database } from '../../db/database';
import { tsQuery } from './postgres-tsvector';
import { type NewEntry, providerFor, type SearchProvider, type SearchScope, type SearchSpec } from './search.provider';
import { WEEK_SPAN, weekBase } from './search.sql';
import { indexTokens, parseQuery } from './search.tokens';
import { fts5Query } from './sqlite-fts5';

let seq = 0;

/** An entry with defaults: a submitted, public item of user `u1` in department `d1`. */
function entry(text: string, extra: Partial<NewEntry> = {}): NewEntry {
  seq += 1;
  return {
    source: `report:r${seq}`,
    kind: 'item',
    report_id: `r${seq}`,
    item_id: `i${seq}`,
    comment_id: null,
    owner_id: 'u1',
    author_id: 'u1',
    department_id: 'd1',
    week: '2026-W10',
    restricted: 0,
    status: 'submitted',
    text,
    tokens: indexTokens(text),
    ...extra,
  };
}

const ALL: SearchScope = { viewerId: 'assessor', all: true, departments: [] };

describe('query texts', () => {
  it('require every word of the query, each as one quoted token', () => {
    const { words } = parseQuery('纳税服务  培训 “征管法”');
    expect(fts5Query(words)).toBe('"纳税服务" AND "培训" AND "征管法"');
    expect(tsQuery(words)).toBe("'纳税服务' & '培训' & '征管法'");
  });
});

for (const dialect of DIALECTS) {
  describe(`SearchProvider contract on ${dialect}`, () => {
    let database: Database;
    let provider: SearchProvider;

    const find = async (q: string, extra: Partial<SearchSpec> = {}) =>
      provider.search(database.db, { words: parseQuery(q).words, scope: ALL, limit: 100, ...extra });
    const texts = async (q: string, extra: Partial<SearchSpec> = {}) => (await find(q, extra)).map((r) => r.text);

    beforeAll(async () => {
      database = await createTestDatabase(dialect);
      provider = providerFor(dialect);
    });
    afterAll(() => database.destroy());
    beforeEach(() => provider.clear(database.db));

    it('is the provider of its dialect', () => {
      expect(provider.dialect).toBe(dialect);
    });

    it('matches by word: 办税 finds 跨区办税, 征管法 finds 《税收征管法》, a word inside a longer dictionary word', async () => {
      await provider.insert(database.db, [
        entry('为5户企业办理跨区办税业务'),
        entry('组织学习《税收征管法》修订草案'),
        entry('办理增值税留抵退税3户'),
        entry('今天天气很好'),
      ]);
      expect(await texts('办税')).toEqual(['为5户企业办理跨区办税业务']);
      expect(await texts('征管法')).toEqual(['组织学习《税收征管法》修订草案']);
      expect(await texts('留抵退税')).toEqual(['办理增值税留抵退税3户']);
      expect(await texts('增值税')).toEqual(['办理增值税留抵退税3户']);
      expect(await texts('税收')).toEqual(['组织学习《税收征管法》修订草案']);
      expect(await texts('公园')).toEqual([]);
    });

    it('ANDs the words of a query, ignores case, width and punctuation', async () => {
      await provider.insert(database.db, [
        entry('开展纳税服务培训，覆盖纳税人200户'),
        entry('优化纳税服务举措'),
        entry('组织业务培训'),
        entry('推广ABC系统'),
      ]);
      expect(await texts('纳税服务 培训')).toEqual(['开展纳税服务培训，覆盖纳税人200户']);
      expect(new Set(await texts('纳税服务'))).toEqual(new Set(['开展纳税服务培训，覆盖纳税人200户', '优化纳税服务举措']));
      expect(await texts('ａｂｃ')).toEqual(['推广ABC系统']);
      expect(await texts('“abc”！')).toEqual(['推广ABC系统']);
      expect(await texts('200')).toEqual(['开展纳税服务培训，覆盖纳税人200户']);
    });

    it('finds nothing for a query without words', async () => {
      await provider.insert(database.db, [entry('发票')]);
      expect(await find('，。！')).toEqual([]);
    });

    it('returns the newest week first and, within a week, a batch in its own order', async () => {
      await provider.insert(database.db, [
        entry('发票一', { week: '2026-W10' }),
        entry('发票二', { week: '2026-W10' }),
        entry('发票三', { week: '2025-W52' }),
        entry('发票四', { week: '2026-W11' }),
      ]);
      expect(await texts('发票')).toEqual(['发票四', '发票一', '发票二', '发票三']);
      const rows = await find('发票');
      expect(rows.map((r) => r.id)).toEqual([...rows.map((r) => r.id)].sort((a, b) => b - a));
      expect(rows[0]?.id).toBeGreaterThanOrEqual(weekBase('2026-W11'));
    });

    it('gives later inserts of the same week higher ids', async () => {
      await provider.insert(database.db, [entry('发票甲')]);
      await provider.insert(database.db, [entry('发票乙')]);
      expect(await texts('发票')).toEqual(['发票乙', '发票甲']);
    });

    it('pages by id without duplicates or gaps and keeps a week range', async () => {
      const all = Array.from({ length: 37 }, (_, i) => entry(`第${i}次发票核查`, { week: i % 2 ? '2026-W09' : '2026-W10' }));
      await provider.insert(database.db, all);
      const full = await find('发票', { limit: 100 });
      expect(full).toHaveLength(37);
      const paged: number[] = [];
      let beforeId: number | undefined;
      for (;;) {
        const page = await find('发票', { limit: 5, beforeId });
        paged.push(...page.map((r) => r.id));
        if (page.length < 5) break;
        beforeId = page.at(-1)?.id;
      }
      expect(paged).toEqual(full.map((r) => r.id));
      const w9 = await find('发票', { fromId: weekBase('2026-W09'), toId: weekBase('2026-W09') + WEEK_SPAN });
      expect(w9).toHaveLength(18);
      expect(w9.every((r) => r.week === '2026-W09')).toBe(true);
    });

    it('orders and pages the same across years and sparse weeks', async () => {
      const weeks = ['2023-W52', '2024-W01', '2024-W30', '2025-W40', '2025-W52', '2026-W01', '2026-W02', '2026-W09', '2026-W10'];
      await provider.insert(
        database.db,
        weeks.flatMap((week) => [entry(`${week} 稽查甲`, { week }), entry(`${week} 稽查乙`, { week })]),
      );
      const full = await find('稽查', { limit: 100 });
      expect(full.map((r) => r.week)).toEqual([...weeks].reverse().flatMap((w) => [w, w]));
      for (const limit of [1, 3, 7]) {
        const paged: number[] = [];
        let beforeId: number | undefined;
        for (;;) {
          const page = await find('稽查', { limit, beforeId });
          paged.push(...page.map((r) => r.id));
          if (page.length < limit) break;
          beforeId = page.at(-1)?.id;
        }
        expect(paged, `limit ${limit}`).toEqual(full.map((r) => r.id));
      }
      const range = await find('稽查', { fromId: weekBase('2024-W01'), toId: weekBase('2025-W52') + WEEK_SPAN, limit: 3 });
      expect(range.map((r) => r.week)).toEqual(['2025-W52', '2025-W52', '2025-W40']);
    });

    it('filters by departments and by author', async () => {
      await provider.insert(database.db, [
        entry('发票甲', { department_id: 'd1', author_id: 'u1' }),
        entry('发票乙', { department_id: 'd2', author_id: 'u2' }),
        entry('发票丙', { department_id: 'd3', author_id: 'u2' }),
      ]);
      expect(new Set(await texts('发票', { departments: ['d2', 'd3'] }))).toEqual(new Set(['发票乙', '发票丙']));
      expect(await texts('发票', { departments: [] })).toEqual([]);
      expect(new Set(await texts('发票', { authorId: 'u2' }))).toEqual(new Set(['发票乙', '发票丙']));
      expect(await texts('发票', { authorId: 'u2', departments: ['d1'] })).toEqual([]);
    });

    it('shows drafts to their author only, summary drafts and restricted text to those who oversee the department', async () => {
      const rows: NewEntry[] = [
        entry('发票 submitted public'),
        entry('发票 draft', { status: 'draft' }),
        entry('发票 restricted', { restricted: 1 }),
        entry('发票 other restricted', { restricted: 1, owner_id: 'u2', author_id: 'u2', department_id: 'd2' }),
        entry('发票 summary draft', { kind: 'summary', status: 'draft', owner_id: null, report_id: null }),
        entry('发票 summary published', { kind: 'summary', status: 'published', owner_id: null, report_id: null }),
        entry('发票 summary restricted', {
          kind: 'summary',
          status: 'published',
          owner_id: null,
          report_id: null,
          restricted: 1,
        }),
        entry('发票 comment', { kind: 'comment', author_id: 'u3', comment_id: 'c1' }),
      ];
      await provider.insert(database.db, rows);
      // The reference rule, written as the report policy states it.
      const expected = (s: SearchScope) =>
        rows
          .filter((e) => {
            const over = s.all || (e.department_id !== null && s.departments.includes(e.department_id));
            const own = e.owner_id === s.viewerId;
            const statusOk = e.status !== 'draft' || own || (e.kind === 'summary' && over);
            return statusOk && (e.restricted === 0 || own || over);
          })
          .map((e) => e.text)
          .sort();
      const scopes: SearchScope[] = [
        { viewerId: 'u1', all: false, departments: [] },
        { viewerId: 'u2', all: false, departments: [] },
        { viewerId: 'u9', all: false, departments: [] },
        { viewerId: 'head1', all: false, departments: ['d1'] },
        { viewerId: 'leader', all: false, departments: ['d1', 'd2'] },
        { viewerId: 'assessor', all: true, departments: [] },
      ];
      for (const scope of scopes) {
        const got = (await texts('发票', { scope })).sort();
        expect(got, scope.viewerId).toEqual(expected(scope));
      }
      // Spot checks of the rule itself.
      expect(expected(scopes[2] as SearchScope)).toEqual(['发票 comment', '发票 submitted public', '发票 summary published']);
      expect(expected(scopes[0] as SearchScope)).toContain('发票 draft');
      expect(expected(scopes[3] as SearchScope)).not.toContain('发票 draft');
      expect(expected(scopes[3] as SearchScope)).toContain('发票 summary draft');
    });

    it('removes entries by source and by report, and clears', async () => {
      await provider.insert(database.db, [
        entry('发票甲', { source: 'report:a', report_id: 'a' }),
        entry('发票乙', { source: 'report:a', report_id: 'a' }),
        entry('发票丙', { source: 'comment:c', report_id: 'a', kind: 'comment', comment_id: 'c' }),
        entry('发票丁', { source: 'report:b', report_id: 'b' }),
      ]);
      await provider.remove(database.db, { sources: ['report:a'] });
      expect((await texts('发票')).sort()).toEqual(['发票丁', '发票丙']);
      await provider.remove(database.db, { reportId: 'a' });
      expect(await texts('发票')).toEqual(['发票丁']);
      await provider.remove(database.db, { sources: [] });
      expect(await texts('发票')).toEqual(['发票丁']);
      // Removed ids may be numbered again without the old words coming back.
      await provider.insert(database.db, [entry('稽查甲')]);
      expect(await texts('发票')).toEqual(['发票丁']);
      await provider.clear(database.db);
      expect(await texts('发票')).toEqual([]);
      expect(await texts('稽查')).toEqual([]);
    });

    it('keeps every result through optimize (after a bulk load)', async () => {
      await provider.insert(database.db, [entry('发票甲'), entry('发票乙', { week: '2026-W11' })]);
      await provider.insert(database.db, [entry('稽查发票')]);
      const before = await find('发票');
      await provider.optimize(database.db);
      expect(await find('发票')).toEqual(before);
      expect(before).toHaveLength(3);
    });

    it('returns the author and department names with each hit', async () => {
      const now = new Date().toISOString();
      await database.db
        .insertInto('departments')
        .values({ id: 'dn', name: '纳税服务科', parent_id: null, sort_order: 0, created_at: now, updated_at: now })
        .execute();
      await provider.insert(database.db, [entry('发票', { department_id: 'dn', author_id: 'nobody' })]);
      const [hit] = await find('发票');
      expect(hit).toMatchObject({ department_name: '纳税服务科', author_name: null, department_id: 'dn', week: '2026-W10' });
    });
  });
}
