// Chinese word segmentation for search: jieba in search mode (HMM on) with the default dictionary
// plus the tax-domain dictionary shipped beside this file (copied next to the bundle by build.mjs).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/** Tokens longer than this are dropped on both sides (PostgreSQL refuses lexemes over 2 KB). */
const MAX_TOKEN = 64;

/** At most this many words of a query are matched; the rest are ignored. */
const MAX_WORDS = 16;

/** Function words that alone say nothing; dropped from a query that has other words. */
const STOP_WORDS = new Set(['的', '了', '和', '与', '及', '或', '是', '在', '对', '等', '把', '被', '之', '也', '并', '将']);

/** Where the tax-domain user dictionary sits: beside this module in the sources and in dist/. */
export const DICTIONARY_FILE = fileURLToPath(new URL('./tax-dictionary.txt', import.meta.url));

let jieba: Jieba | undefined;

/** The segmenter, built once per process (loading the dictionaries takes about 200 ms). */
function segmenter(): Jieba {
  if (!jieba) {
    let tax: Buffer;
    try {
      tax = readFileSync(DICTIONARY_FILE);
    } catch (err) {
      throw new Error(`the search dictionary ${DICTIONARY_FILE} is missing (build.mjs copies it next to the bundle)`, {
        cause: err,
      });
    }
    const j = Jieba.withDict(dict);
    // loadDict merges into the loaded dictionary: the default words stay, the tax words are added.
    j.loadDict(tax);
    jieba = j;
  }
  return jieba;
}

/** Loads the dictionaries now (at start-up) rather than on the first search or save. */
export function loadSegmenter(): void {
  segmenter();
}

/** Full-width letters and digits to ASCII, compatibility forms folded, lower case. */
const normalizeText = (text: string): string => text.normalize('NFKC');

/**
 * Splits a segment into the runs of letters and digits it holds, lower-cased: punctuation and
 * spaces never become tokens, and every token is one token to FTS5 `unicode61` and to PostgreSQL.
 */
function clean(segment: string): string[] {
  return segment
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0 && t.length <= MAX_TOKEN);
}

/** Words at least this long also index the longer dictionary words inside them (jieba full mode). */
const LONG_WORD = 5;

/**
 * The distinct index tokens of a text: jieba search mode (each word and its two- and
 * three-character dictionary sub-words), plus the dictionary words of four characters or more
 * inside long words, so `留抵退税` is found inside `增值税留抵退税` as well.
 */
export function indexTokens(text: string): string[] {
  const j = segmenter();
  const out = new Set<string>();
  for (const segment of j.cutForSearch(normalizeText(text), true)) {
    for (const token of clean(segment)) {
      out.add(token);
      if (token.length < LONG_WORD) continue;
      for (const inner of j.cutAll(token)) if (inner.length >= 4) out.add(inner);
    }
  }
  return [...out];
}

/**
 * One word of a query, matched as one token (its search-mode sub-words are indexed wherever it
 * is), and its tokens — the word and those sub-words — for highlighting.
 */
export interface QueryWord {
  word: string;
  tokens: string[];
}

/** The words of a query, to be matched all together (AND), with the tokens to highlight. */
export interface ParsedQuery {
  words: QueryWord[];
  /** Every token of the query, longest first: what a snippet highlights. */
  highlight: string[];
}

/**
 * Parses a query: split at spaces, each part cut into words (precise mode, HMM on), all words
 * required; each word also segmented in search mode as the index was (`征管法` → 征管 + 管法 +
 * 征管法) for highlighting. An empty word list matches nothing.
 */
export function parseQuery(q: string): ParsedQuery {
  const j = segmenter();
  const words = new Map<string, QueryWord>();
  for (const part of normalizeText(q).split(/\s+/)) {
    if (!part) continue;
    for (const segment of j.cut(part, true)) {
      for (const word of clean(segment)) {
        if (words.has(word)) continue;
        const tokens = new Set([word, ...j.cutForSearch(word, true).flatMap(clean)]);
        words.set(word, { word, tokens: [...tokens] });
      }
    }
  }
  let list = [...words.values()];
  const meaningful = list.filter((w) => !STOP_WORDS.has(w.word));
  if (meaningful.length > 0) list = meaningful;
  list = list.slice(0, MAX_WORDS);
  const highlight = [...new Set(list.flatMap((w) => w.tokens))].sort((a, b) => b.length - a.length);
  return { words: list, highlight };
}
