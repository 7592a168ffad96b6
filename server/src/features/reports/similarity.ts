// How much of a report's text repeats an earlier one. Chinese is written without spaces, so
// whitespace tokens would make every line one "word"; character bigrams match Chinese text
// well without a segmenter and are cheap (a report holds at most ~100,000 characters).

/** Letters, digits and CJK characters only, lower-cased: punctuation and spacing do not count. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * The multiset of character bigrams of a text, line by line (a bigram never spans two lines, so
 * the order of items does not matter); a one-character line counts as itself.
 */
export function bigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  const add = (g: string) => grams.set(g, (grams.get(g) ?? 0) + 1);
  for (const line of text.split(/\r?\n/)) {
    const chars = [...normalizeText(line)];
    if (chars.length === 1) add(chars[0] as string);
    for (let i = 0; i + 1 < chars.length; i++) add(`${chars[i]}${chars[i + 1]}`);
  }
  return grams;
}

function size(grams: Map<string, number>): number {
  let n = 0;
  for (const c of grams.values()) n += c;
  return n;
}

/**
 * The share of `current`'s character bigrams (as a multiset) that also occur in `previous`:
 * 1 for a copy, near 0 for unrelated text, 0 for an empty current text. Containment rather than
 * a symmetric measure, because the question is how much of this week's text was there before.
 */
export function similarity(current: string, previous: string): number {
  const a = bigrams(current);
  const total = size(a);
  if (total === 0) return 0;
  const b = bigrams(previous);
  let shared = 0;
  for (const [g, count] of a) shared += Math.min(count, b.get(g) ?? 0);
  return Math.round((shared / total) * 1000) / 1000;
}

/** The text of a report compared for similarity: its item contents and outcomes, one per line. */
export function reportText(items: readonly { content: string; outcome?: string | null }[]): string {
  return items.map((i) => (i.outcome ? `${i.content}\n${i.outcome}` : i.content)).join('\n');
}
