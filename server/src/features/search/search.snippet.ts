import { SEARCH_LIMITS, type THighlight } from '@zhoubao/contracts';

/** Characters of context kept before the first match. */
const LEAD = 24;
const ELLIPSIS = '…';

/** A snippet as plain text and the `[start, end)` ranges in it that matched. */
export interface Snippet {
  snippet: string;
  highlights: THighlight[];
}

/** Every `[start, end)` where one of the terms occurs in `haystack` (already lower-cased), merged. */
function ranges(haystack: string, terms: readonly string[]): THighlight[] {
  const found: THighlight[] = [];
  for (const term of terms) {
    if (!term) continue;
    for (let at = haystack.indexOf(term); at >= 0; at = haystack.indexOf(term, at + term.length)) {
      found.push([at, at + term.length]);
    }
  }
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: THighlight[] = [];
  for (const r of found) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/**
 * The part of `text` around its first match, at most `SEARCH_LIMITS.snippet` characters plus
 * ellipses, with the matched terms' ranges. Plain text in, plain text out: line breaks become
 * spaces and nothing is escaped or marked up here — the client renders the ranges as text nodes.
 */
export function makeSnippet(text: string, terms: readonly string[], max: number = SEARCH_LIMITS.snippet): Snippet {
  const flat = text.replace(/\s/g, ' ');
  // Compare in lower case when that keeps every offset in place (it does for CJK and ASCII).
  const lower = flat.toLowerCase();
  const haystack = lower.length === flat.length ? lower : flat;
  const all = ranges(haystack, terms);
  const first = all[0]?.[0] ?? 0;
  let start = Math.max(0, first - LEAD);
  const end = Math.min(flat.length, start + max);
  start = Math.max(0, Math.min(start, end - max));
  // Never cut a surrogate pair in half.
  if (start > 0 && /[\uDC00-\uDFFF]/.test(flat.charAt(start))) start -= 1;
  const prefix = start > 0 ? ELLIPSIS : '';
  const suffix = end < flat.length ? ELLIPSIS : '';
  const shift = prefix.length - start;
  const highlights = all.filter(([s, e]) => s >= start && e <= end).map(([s, e]): THighlight => [s + shift, e + shift]);
  return { snippet: `${prefix}${flat.slice(start, end)}${suffix}`, highlights };
}
