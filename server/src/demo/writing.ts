// Composes what the demo's people write: report items from the corpus, revisions, and the
// department summaries heads compile from their members' highlights.
import type { StoredItem } from '../features/reports/reports.repository';
import { DEPARTMENT_SUMMARY, FILLERS, REPORT_SUMMARIES, STUDY, TOPICS, type Topic } from './corpus';
import type { DemoDepartment } from './org';
import type { Rng } from './prng';

/** What a text is written about: the week and the bureau's departments. */
export interface WritingContext {
  rng: Rng;
  /** Month (1–12) and quarter (1–4) of the week. */
  month: number;
  quarter: number;
  departmentNames: readonly string[];
  /** Makes an item id. */
  newId: () => string;
}

/** Fills a template's placeholders with plausible values. */
export function fill(template: string, c: WritingContext, extra: Record<string, string> = {}): string {
  const r = c.rng;
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    if (key in extra) return extra[key] as string;
    switch (key) {
      case 'n':
        return String(r.int(2, 12));
      case 'k':
        return String(r.int(1, 3));
      case 'big':
        return String(r.int(20, 600));
      case 'amt':
        return (r.int(50, 9800) / 10).toFixed(1);
      case 'yi':
        return (r.int(500, 9000) / 100).toFixed(2);
      case 'pct':
        return (r.int(920, 1000) / 10).toFixed(1);
      case 'co':
        return `${r.pick(FILLERS.companyStart)}${r.pick(FILLERS.companyEnd)}有限公司`;
      case 'area':
        return r.pick(FILLERS.areas);
      case 'tax':
        return r.pick(FILLERS.taxes);
      case 'law':
        return r.pick(FILLERS.laws);
      case 'q':
        return String(c.quarter);
      case 'month':
        return String(c.month);
      case 'score':
        return String(r.int(85, 100));
      case 'reads':
        return String(r.int(1200, 25000));
      case 'dept':
        return r.pick(c.departmentNames);
      default:
        return key;
    }
  });
}

const item = (c: WritingContext, fields: Omit<StoredItem, 'id' | 'goalId'>): StoredItem => ({
  id: c.newId(),
  kind: fields.kind,
  category: fields.category,
  content: fields.content,
  outcome: fields.outcome,
  visibility: fields.visibility,
  tags: [...new Set(fields.tags)],
  goalId: null,
});

/** The adoption level an outcome names, as the default scoring rules' outcome tag (国家级/省级/市级采用). */
function adoptionTag(outcome: string | null): string[] {
  if (!outcome?.includes('采用')) return [];
  if (/总局|国家/.test(outcome)) return ['国家级采用'];
  return outcome.includes('省') ? ['省级采用'] : ['市级采用'];
}

function tagsFor(c: WritingContext, pool: readonly string[], p: number): string[] {
  return c.rng.chance(p) ? c.rng.sample(pool, c.rng.int(1, 2)) : [];
}

/** A report's items: the week's work, some study, and next week's plan, in that order. */
export function composeItems(c: WritingContext, department: DemoDepartment, workCount: number): StoredItem[] {
  const r = c.rng;
  const work: StoredItem[] = [];
  const used = new Set<string>();
  for (let i = 0; i < workCount; i++) {
    const topic = TOPICS[r.weighted(department.topics)];
    const [template, ...outcomes] = r.pick(topic.work);
    if (used.has(template)) continue;
    used.add(template);
    const content = fill(template, c);
    const outcome = outcomes.length && r.chance(0.18) ? fill(r.pick(outcomes), c) : null;
    const visibility = r.chance(topic.restricted) ? 'restricted' : 'public';
    const tags = [...tagsFor(c, topic.tags, 0.35), ...adoptionTag(outcome)];
    work.push(item(c, { kind: 'work', category: topic.category, content, outcome, visibility, tags }));
  }
  const studies = r.weighted([
    [0, 2],
    [1, 7],
    [2, 1],
  ]);
  const study = r.sample(STUDY.items, studies).map(([template, ...outcomes]) =>
    item(c, {
      kind: 'study',
      category: STUDY.category,
      content: fill(template, c),
      outcome: outcomes.length && r.chance(0.1) ? r.pick(outcomes) : null,
      visibility: 'public',
      tags: tagsFor(c, STUDY.tags, 0.3),
    }),
  );
  const plans = new Map<string, StoredItem>();
  for (let i = r.int(1, 3); i > 0; i--) {
    const topic = TOPICS[r.weighted(department.topics)];
    const template = r.pick(topic.plan);
    if (!plans.has(template)) {
      plans.set(
        template,
        item(c, {
          kind: 'plan',
          category: topic.category,
          content: fill(template, c),
          outcome: null,
          visibility: 'public',
          tags: [],
        }),
      );
    }
  }
  return [...work, ...study, ...plans.values()];
}

/** Last week's items again under new ids, one work item rewritten: the copy-paste report. */
export function copyItems(c: WritingContext, department: DemoDepartment, previous: readonly StoredItem[]): StoredItem[] {
  const fresh = composeItems(c, department, 1)[0] as StoredItem;
  const replaced = previous.findIndex((i) => i.kind === 'work');
  return previous.map((i, n) => (n === replaced && c.rng.chance(0.5) ? { ...fresh } : { ...i, id: c.newId() }));
}

/** A revision of submitted items: the work item the author forgot, added after the others. */
export function reviseItems(c: WritingContext, department: DemoDepartment, items: readonly StoredItem[]): StoredItem[] {
  const known = new Set(items.map((i) => i.content));
  const extra = composeItems(c, department, 2).find((i) => i.kind === 'work' && !known.has(i.content));
  if (!extra) return [...items, { ...(items[0] as StoredItem), id: c.newId(), content: `${items[0]?.content}（补充）` }];
  const firstOther = items.findIndex((i) => i.kind !== 'work');
  const at = firstOther < 0 ? items.length : firstOther;
  return [...items.slice(0, at), extra, ...items.slice(at)];
}

/** The one-line summary some people put above their items (empty for the others). */
export function reportSummary(c: WritingContext, department: DemoDepartment, items: readonly StoredItem[]): string {
  if (!c.rng.chance(0.5)) return '';
  const main = TOPICS[department.topics[0]?.[0] as Topic];
  const count = String(items.filter((i) => i.kind === 'work').length);
  return fill(c.rng.pick(REPORT_SUMMARIES), c, { focus: c.rng.pick(main.focus), count });
}

/** The counts a department summary opens with. */
export interface SummaryCounts {
  owed: number;
  submitted: number;
  late: number;
}

/** A department's summary of a week: the counts, up to four public highlights of its members, and plans. */
export function departmentSummary(
  c: WritingContext,
  department: DemoDepartment,
  counts: SummaryCounts,
  memberItems: readonly StoredItem[],
): { summary: string; items: StoredItem[] } {
  const main = TOPICS[department.topics[0]?.[0] as Topic];
  const summary = fill(DEPARTMENT_SUMMARY, c, {
    dept: department.name,
    owed: String(counts.owed),
    submitted: String(counts.submitted),
    late: String(counts.late),
    focus: c.rng.pick(main.focus),
  });
  const publicWork = memberItems.filter((i) => i.kind === 'work' && i.visibility === 'public');
  const highlights = [
    ...publicWork.filter((i) => i.outcome !== null),
    ...c.rng.sample(
      publicWork.filter((i) => i.outcome === null),
      4,
    ),
  ].slice(0, 4);
  const plans = composeItems(c, department, 0).filter((i) => i.kind === 'plan');
  const items = [...highlights.map((i) => ({ ...i, id: c.newId() })), ...plans.map((i) => ({ ...i, id: c.newId() }))];
  return { summary, items };
}
