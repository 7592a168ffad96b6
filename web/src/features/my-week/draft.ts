import {
  ITEM_KINDS,
  REPORT_LIMITS,
  type TItemKind,
  type TPresentedItem,
  type TReport,
  type TReportItem,
  type TSaveReportRequest,
} from '@zhoubao/contracts';
import type { FieldIssue } from '../../lib/api';

// The report as the editor holds it, and the pure rules that turn it into what the server stores.

/** One item being edited; `key` names it in the editor, `id` once the server has stored it. */
export interface DraftItem {
  key: string;
  id?: string;
  kind: TItemKind;
  category: string;
  content: string;
  outcome: string;
  restricted: boolean;
  tags: string[];
  /** The author's goal the item is linked to, or null. */
  goalId: string | null;
}

export interface Draft {
  summary: string;
  items: DraftItem[];
}

export type ItemField = 'content' | 'category' | 'outcome' | 'tags' | 'goalId';

/** Server field errors placed on the editor: by item key and field, plus the summary and the rest. */
export interface DraftErrors {
  items: Record<string, Partial<Record<ItemField, string>>>;
  summary?: string;
  /** Issues not about one item or the summary (`body.items` as a whole, `params.week`). */
  general: FieldIssue[];
}

export const NO_ERRORS: DraftErrors = { items: {}, general: [] };

let counter = 0;

/** A key unique in this page (crypto.randomUUID is missing on plain-HTTP intranet hosts). */
export function newKey(): string {
  counter += 1;
  return `i${Date.now().toString(36)}${counter.toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

export function newItem(kind: TItemKind, init: Partial<Omit<DraftItem, 'key' | 'kind'>> = {}): DraftItem {
  return { key: newKey(), kind, category: '', content: '', outcome: '', restricted: false, tags: [], goalId: null, ...init };
}

export const isReadableItem = (item: TPresentedItem): item is TReportItem => !('redacted' in item);

/** Items grouped work, study, plan; the order inside a group is kept. */
export function byKind<T extends { kind: TItemKind }>(items: readonly T[]): T[] {
  return ITEM_KINDS.flatMap((kind) => items.filter((i) => i.kind === kind));
}

/** The editor's copy of a stored report (an empty draft when there is none). */
export function draftFromReport(report: Pick<TReport, 'summary' | 'items'> | null): Draft {
  if (!report) return { summary: '', items: [] };
  return {
    summary: report.summary,
    items: byKind(report.items.filter(isReadableItem)).map((i) => ({
      key: newKey(),
      id: i.id,
      kind: i.kind,
      category: i.category ?? '',
      content: i.content,
      outcome: i.outcome ?? '',
      restricted: i.visibility === 'restricted',
      tags: [...i.tags],
      goalId: i.goalId,
    })),
  };
}

/** True when an item has nothing typed in it at all (a fresh "add" the user has not used yet). */
export const isBlankItem = (i: DraftItem): boolean =>
  !i.content.trim() && !i.category.trim() && !i.outcome.trim() && i.tags.length === 0;

/** True when an item has some text but no content: the server would refuse it, so it stays local. */
export const isContentMissing = (i: DraftItem): boolean => !i.content.trim() && !isBlankItem(i);

const cleanTags = (tags: readonly string[]) => [...new Set(tags.map((t) => t.trim()).filter(Boolean))];

/**
 * The body of `PUT /me/reports/:week` for a draft: trimmed, grouped by kind, without items that have
 * no content yet. `keys[i]` is the editor key of `body.items[i]`, to place the server's answer back.
 */
export function toPayload(draft: Draft): { body: TSaveReportRequest; keys: string[] } {
  const items = byKind(draft.items).filter((i) => i.content.trim() !== '');
  return {
    keys: items.map((i) => i.key),
    body: {
      summary: draft.summary.trim(),
      items: items.map((i) => ({
        ...(i.id ? { id: i.id } : {}),
        kind: i.kind,
        category: i.category.trim() || null,
        content: i.content.trim(),
        outcome: i.outcome.trim() || null,
        visibility: i.restricted ? 'restricted' : 'public',
        tags: cleanTags(i.tags),
        goalId: i.goalId,
      })),
    },
  };
}

/** What a save body says, ids aside: two bodies with the same key store the same text. */
export function contentKey(body: TSaveReportRequest): string {
  return JSON.stringify({ summary: body.summary ?? '', items: body.items.map(({ id: _id, ...rest }) => rest) });
}

/** The content key of what the server holds for a report (an empty draft when there is none). */
export const serverContentKey = (report: Pick<TReport, 'summary' | 'items'> | null): string =>
  contentKey(toPayload(draftFromReport(report)).body);

/** Everything the user typed, including items still missing their content: what a local copy must keep. */
export function typedKey(draft: Draft): string {
  return JSON.stringify({
    summary: draft.summary.trim(),
    items: byKind(draft.items)
      .filter((i) => !isBlankItem(i))
      .map((i) => [i.kind, i.category.trim(), i.content.trim(), i.outcome.trim(), i.restricted, cleanTags(i.tags), i.goalId]),
  });
}

/** Moves an item one place up (-1) or down (+1) among the items of its kind. */
export function moveItem(items: readonly DraftItem[], key: string, direction: -1 | 1): DraftItem[] {
  const from = items.findIndex((i) => i.key === key);
  const item = items[from];
  if (!item) return [...items];
  let to = from + direction;
  while (to >= 0 && to < items.length && items[to]?.kind !== item.kind) to += direction;
  const other = items[to];
  if (!other) return [...items];
  const next = [...items];
  next[from] = other;
  next[to] = item;
  return next;
}

/** Adds an item at the end of its kind's group. */
export function appendItems(items: readonly DraftItem[], added: readonly DraftItem[]): DraftItem[] {
  return byKind([...items, ...added]);
}

/**
 * "Start from last week's plan": the previous report's plan items as this week's work items, minus
 * the ones already there (same content). Outcomes are left for the user to write.
 */
export function planAsWork(previous: TReport | null, items: readonly DraftItem[]): { added: DraftItem[]; planned: number } {
  const plans = (previous?.items ?? []).filter(isReadableItem).filter((i) => i.kind === 'plan');
  const have = new Set(items.filter((i) => i.kind === 'work').map((i) => i.content.trim()));
  const added = plans
    .filter((p) => !have.has(p.content.trim()))
    .map((p) =>
      newItem('work', {
        category: p.category ?? '',
        content: p.content,
        restricted: p.visibility === 'restricted',
        tags: [...p.tags],
      }),
    );
  return { added, planned: plans.length };
}

const ITEM_FIELDS: readonly ItemField[] = ['content', 'category', 'outcome', 'tags', 'goalId'];

/**
 * Places the issues of a 400 `invalid_input` on the editor: `body.items.3.content` is the content of
 * the item sent fourth (`keys[3]`), `body.summary` the summary; anything else is general.
 */
export function placeIssues(issues: readonly FieldIssue[], keys: readonly string[]): DraftErrors {
  const out: DraftErrors = { items: {}, general: [] };
  for (const issue of issues) {
    const parts = issue.path.split(/[./]/).filter((p) => p !== '' && p !== 'body');
    const [head, index, field] = parts;
    const key = head === 'items' && index !== undefined && /^\d+$/.test(index) ? keys[Number(index)] : undefined;
    if (key) {
      const name: ItemField = ITEM_FIELDS.find((f) => f === field) ?? 'content';
      out.items[key] = { ...out.items[key], [name]: issue.message };
    } else if (head === 'summary') {
      out.summary = issue.message;
    } else {
      out.general.push(issue);
    }
  }
  return out;
}

/** Client-side limits, the same as the server's. */
export const LIMITS = REPORT_LIMITS;
