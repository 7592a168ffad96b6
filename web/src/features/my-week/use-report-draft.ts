import { useQueryClient } from '@tanstack/react-query';
import type { TReport } from '@zhoubao/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '../../lib/api';
import { authKeys } from '../auth/auth.api';
import {
  contentKey,
  type Draft,
  type DraftErrors,
  type ItemField,
  isContentMissing,
  NO_ERRORS,
  placeIssues,
  serverContentKey,
  toPayload,
} from './draft';
import { removeLocalCopy, writeLocalCopy } from './local-copy';
import { myWeekKeys, saveOwnReport } from './my-week.api';

/** What the save indicator shows; also the `data-state` of `save-state`. */
export type SaveState = 'saved' | 'saving' | 'dirty' | 'offline' | 'error';

/** Wait after the last keystroke before saving. */
export const AUTOSAVE_DELAY_MS = 1500;
/** Save at least this often while someone keeps typing. */
const MAX_WAIT_MS = 10_000;
/** Back-off between retries when the network or the server is down. */
const RETRY_MS = [2000, 5000, 10_000, 30_000];

const isOffline = () => typeof navigator !== 'undefined' && navigator.onLine === false;

interface Options {
  userId: string;
  week: string;
  /** The text the editor opens with (the server's, or a newer local copy). */
  start: Draft;
  /** The server's report when the editor opened (null when there was none). */
  report: TReport | null;
}

/**
 * The draft of one week being edited: every change is kept in localStorage at once and saved to the
 * server after a pause in typing; saves never overlap, failed saves are retried, and the local copy
 * is removed once the server holds exactly what was typed.
 */
export function useReportDraft({ userId, week, start, report: initialReport }: Options) {
  const queryClient = useQueryClient();
  const [draft, setDraftState] = useState(start);
  const [report, setReport] = useState(initialReport);
  const [errors, setErrors] = useState<DraftErrors>(NO_ERRORS);
  const [failure, setFailure] = useState<unknown>(null);
  const [savedKey] = useState(() => serverContentKey(initialReport));
  const [state, setState] = useState<SaveState>(() => (contentKey(toPayload(start).body) === savedKey ? 'saved' : 'dirty'));

  // Bookkeeping read by timers and promise callbacks, which must see the latest values.
  const r = useRef({
    draft: start,
    report: initialReport,
    savedKey,
    timer: undefined as ReturnType<typeof setTimeout> | undefined,
    inFlight: null as Promise<void> | null,
    again: false,
    failed: false,
    retries: 0,
    dirtySince: null as number | null,
  }).current;

  const isClean = useCallback(() => contentKey(toPayload(r.draft).body) === r.savedKey, [r]);

  /** Keeps the local copy in step: written while anything typed is not on the server, removed after. */
  const syncLocalCopy = useCallback(() => {
    if (isClean() && !r.draft.items.some(isContentMissing)) {
      removeLocalCopy(userId, week);
    } else {
      writeLocalCopy(userId, week, {
        savedAt: new Date().toISOString(),
        baseUpdatedAt: r.report?.updatedAt ?? null,
        draft: r.draft,
      });
    }
  }, [isClean, r, userId, week]);

  const flushRef = useRef<() => Promise<void>>(async () => undefined);

  const schedule = useCallback(
    (ms: number) => {
      clearTimeout(r.timer);
      r.timer = setTimeout(() => void flushRef.current(), ms);
    },
    [r],
  );

  const applySaved = useCallback(
    (saved: TReport, key: string, keys: string[]) => {
      const previousVersion = r.report?.version;
      r.savedKey = key;
      r.report = saved;
      r.failed = false;
      r.retries = 0;
      r.dirtySince = null;
      // New items get their server ids, so the next save keeps their identity.
      const ids = new Map(keys.map((k, i) => [k, saved.items[i]?.id]));
      r.draft = {
        ...r.draft,
        items: r.draft.items.map((it) => {
          const id = ids.get(it.key);
          return id && id !== it.id ? { ...it, id } : it;
        }),
      };
      setDraftState(r.draft);
      setReport(saved);
      setErrors(NO_ERRORS);
      setFailure(null);
      queryClient.setQueryData(myWeekKeys.own(week), saved);
      if (saved.status === 'submitted' && saved.version !== previousVersion) {
        void queryClient.invalidateQueries({ queryKey: myWeekKeys.versions(saved.id) });
        void queryClient.invalidateQueries({ queryKey: myWeekKeys.history(userId) });
      }
      syncLocalCopy();
    },
    [queryClient, r, syncLocalCopy, userId, week],
  );

  const applyFailure = useCallback(
    (e: unknown, keys: string[]) => {
      r.failed = true;
      setFailure(e);
      const retry = (seconds?: number | null) => {
        const delay = seconds ? seconds * 1000 : (RETRY_MS[Math.min(r.retries, RETRY_MS.length - 1)] ?? 30_000);
        r.retries += 1;
        schedule(delay);
      };
      if (!isApiError(e) || e.code === 'network' || isOffline()) {
        setState('offline');
        retry();
        return;
      }
      setState('error');
      if (e.status === 401) {
        void queryClient.invalidateQueries({ queryKey: authKeys.session });
      } else if (e.code === 'csrf_failed') {
        // GET /me hands out a fresh token; then try again.
        void queryClient.invalidateQueries({ queryKey: authKeys.session }).then(() => retry(1));
      } else if (e.code === 'invalid_input') {
        setErrors(placeIssues(e.fieldIssues, keys));
      } else if (e.status >= 500 || e.status === 429) {
        retry(e.retryAfter);
      }
    },
    [queryClient, r, schedule],
  );

  /** Saves until the server holds the current text or a save fails; one save at a time. */
  const flush = useCallback((): Promise<void> => {
    clearTimeout(r.timer);
    if (r.inFlight) {
      r.again = true;
      return r.inFlight;
    }
    const run = async () => {
      do {
        r.again = false;
        const { body, keys } = toPayload(r.draft);
        const key = contentKey(body);
        if (key === r.savedKey) break;
        setState('saving');
        try {
          applySaved(await saveOwnReport(week, body), key, keys);
        } catch (e) {
          applyFailure(e, keys);
          return;
        }
      } while (r.again);
      if (isClean()) {
        setState('saved');
        syncLocalCopy();
      } else {
        setState('dirty');
        schedule(AUTOSAVE_DELAY_MS);
      }
    };
    r.inFlight = run().finally(() => {
      r.inFlight = null;
    });
    return r.inFlight;
  }, [applyFailure, applySaved, isClean, r, schedule, syncLocalCopy, week]);
  flushRef.current = flush;

  /** Applies a change: kept locally at once, saved to the server after a pause. */
  const update = useCallback(
    (recipe: (d: Draft) => Draft) => {
      r.draft = recipe(r.draft);
      setDraftState(r.draft);
      syncLocalCopy();
      if (isClean()) {
        clearTimeout(r.timer);
        r.dirtySince = null;
        if (!r.inFlight) setState('saved');
        return;
      }
      if (!r.inFlight) setState(isOffline() ? 'offline' : 'dirty');
      r.dirtySince ??= Date.now();
      r.retries = 0;
      schedule(Date.now() - r.dirtySince > MAX_WAIT_MS ? 0 : AUTOSAVE_DELAY_MS);
    },
    [isClean, r, schedule, syncLocalCopy],
  );

  /** Saves now; resolves true when the server holds exactly the current text. */
  const ensureSaved = useCallback(async (): Promise<boolean> => {
    for (let attempt = 0; attempt < 3; attempt++) {
      await flush();
      if (isClean()) return true;
      if (r.failed) return false;
    }
    return isClean();
  }, [flush, isClean, r]);

  /** After a submit: the server's report is the new base. */
  const adoptReport = useCallback(
    (saved: TReport) => {
      r.report = saved;
      setReport(saved);
      queryClient.setQueryData(myWeekKeys.own(week), saved);
      void queryClient.invalidateQueries({ queryKey: myWeekKeys.history(userId) });
      void queryClient.invalidateQueries({ queryKey: myWeekKeys.versions(saved.id) });
    },
    [queryClient, r, userId, week],
  );

  /** Places errors found before saving (items missing their content) on the editor. */
  const showErrors = useCallback((e: DraftErrors) => setErrors(e), []);

  /** The latest draft, for event handlers that must not re-render with every keystroke. */
  const getDraft = useCallback(() => r.draft, [r]);

  /** Forgets the error of a field the user is changing. */
  const clearError = useCallback((key: string, field: ItemField) => {
    setErrors((e) =>
      e.items[key]?.[field] ? { ...e, items: { ...e.items, [key]: { ...e.items[key], [field]: undefined } } } : e,
    );
  }, []);

  useEffect(() => {
    // A restored local copy goes to the server soon; anything pending is saved when the page hides,
    // when the network comes back, and when the editor closes (another week, another page).
    if (!isClean()) schedule(AUTOSAVE_DELAY_MS);
    const saveIfDirty = () => {
      if (!isClean()) void flushRef.current();
    };
    const onOffline = () => {
      if (!isClean() && !r.inFlight) setState('offline');
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') saveIfDirty();
    };
    window.addEventListener('online', saveIfDirty);
    window.addEventListener('offline', onOffline);
    window.addEventListener('pagehide', saveIfDirty);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('online', saveIfDirty);
      window.removeEventListener('offline', onOffline);
      window.removeEventListener('pagehide', saveIfDirty);
      document.removeEventListener('visibilitychange', onVisibility);
      clearTimeout(r.timer);
      saveIfDirty();
    };
  }, [isClean, r, schedule]);

  return { draft, report, state, errors, failure, update, flush, ensureSaved, adoptReport, showErrors, clearError, getDraft };
}
