import { ITEM_KINDS, type TReport } from '@zhoubao/contracts';
import { type Draft, type DraftItem, draftFromReport, typedKey } from './draft';

// The copy of a draft kept in this browser on every change, so that nothing typed is lost when the
// network or the server drops, or the page reloads before the autosave has reached the server.

export interface LocalCopy {
  /** When the user last changed the draft (this device's clock). */
  savedAt: string;
  /** The server's `updatedAt` the changes were made on top of (null when there was no report yet). */
  baseUpdatedAt: string | null;
  draft: Draft;
}

const storageKey = (userId: string, week: string) => `zhoubao.myWeek.draft.${userId}.${week}`;

const isString = (v: unknown): v is string => typeof v === 'string';

function toItem(value: unknown): DraftItem | null {
  const v = value as Partial<DraftItem> | null;
  if (!v || typeof v !== 'object' || !isString(v.key) || !ITEM_KINDS.includes(v.kind as never)) return null;
  return {
    key: v.key,
    ...(isString(v.id) ? { id: v.id } : {}),
    kind: v.kind as DraftItem['kind'],
    category: isString(v.category) ? v.category : '',
    content: isString(v.content) ? v.content : '',
    outcome: isString(v.outcome) ? v.outcome : '',
    restricted: v.restricted === true,
    tags: Array.isArray(v.tags) ? v.tags.filter(isString) : [],
    goalId: isString(v.goalId) ? v.goalId : null,
  };
}

/** The local copy of a user's draft of a week, or null (none, unreadable, or storage disabled). */
export function readLocalCopy(userId: string, week: string): LocalCopy | null {
  try {
    const raw = localStorage.getItem(storageKey(userId, week));
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<LocalCopy> | null;
    const draft = value?.draft as Partial<Draft> | undefined;
    if (!value || !isString(value.savedAt) || !draft || !Array.isArray(draft.items)) return null;
    return {
      savedAt: value.savedAt,
      baseUpdatedAt: isString(value.baseUpdatedAt) ? value.baseUpdatedAt : null,
      draft: {
        summary: isString(draft.summary) ? draft.summary : '',
        items: draft.items.map(toItem).filter((i): i is DraftItem => i !== null),
      },
    };
  } catch {
    return null;
  }
}

export function writeLocalCopy(userId: string, week: string, copy: LocalCopy): void {
  try {
    localStorage.setItem(storageKey(userId, week), JSON.stringify(copy));
  } catch {
    // Storage full or disabled: the autosave still runs; only the offline safety net is missing.
  }
}

export function removeLocalCopy(userId: string, week: string): void {
  try {
    localStorage.removeItem(storageKey(userId, week));
  } catch {
    // storage disabled: nothing was kept
  }
}

export interface StartingPoint {
  draft: Draft;
  /** The local copy put in the editor instead of the server's text, when it was newer. */
  restored: LocalCopy | null;
  /** True when the local copy is stale or the same as the server's and can be forgotten. */
  dropLocal: boolean;
}

/**
 * What the editor opens with: the local copy when it differs from the server's report and is newer
 * (made on top of the same server version, or later than the server's last save), else the server's.
 */
export function startingPoint(server: TReport | null, local: LocalCopy | null): StartingPoint {
  const fromServer = draftFromReport(server);
  if (!local) return { draft: fromServer, restored: null, dropLocal: false };
  if (typedKey(local.draft) === typedKey(fromServer)) return { draft: fromServer, restored: null, dropLocal: true };
  const newer =
    !server ||
    local.baseUpdatedAt === server.updatedAt ||
    Date.parse(local.savedAt) > Date.parse(server.updatedAt) ||
    Number.isNaN(Date.parse(server.updatedAt));
  return newer
    ? { draft: local.draft, restored: local, dropLocal: false }
    : { draft: fromServer, restored: null, dropLocal: true };
}
