import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DICTIONARY_FILE, indexTokens, parseQuery } from './search.tokens';

describe('search tokens', () => {
  it('ships a tax dictionary of 100+ terms in jieba format (word freq tag)', () => {
    const lines = readFileSync(DICTIONARY_FILE, 'utf8').split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThanOrEqual(100);
    for (const line of lines) expect(line).toMatch(/^\S+ \d+ [a-z]+$/);
    const words = lines.map((l) => l.split(' ')[0]);
    expect(new Set(words).size).toBe(words.length);
    for (const w of [
      '留抵退税',
      '跨区办税',
      '非税收入',
      '征管法',
      '数字人事',
      '纳税服务',
      '金税四期',
      '个税汇算',
      '电子税务局',
      '发票',
      '社保费',
      '稽查',
    ]) {
      expect(words).toContain(w);
    }
  });

  it('indexes words and their dictionary sub-words (search mode), with the tax terms whole', () => {
    expect(indexTokens('为5户企业办理跨区办税')).toEqual(expect.arrayContaining(['跨区办税', '跨区', '办税', '5', '企业']));
    expect(indexTokens('组织学习《税收征管法》')).toEqual(expect.arrayContaining(['税收征管法', '征管法', '征管', '税收']));
    expect(indexTokens('金税四期上线')).toEqual(expect.arrayContaining(['金税四期', '金税']));
    // Longer dictionary words inside a long word are indexed whole too.
    expect(indexTokens('办理增值税留抵退税')).toEqual(expect.arrayContaining(['增值税留抵退税', '留抵退税', '留抵', '退税']));
    expect(indexTokens('便民办税春风行动')).toEqual(expect.arrayContaining(['春风行动', '办税']));
  });

  it('keeps only letters and digits, lower-cased, full width folded, each token once', () => {
    const tokens = indexTokens('ＡＢＣ-12，发票！发票 Hello');
    expect(tokens).toEqual(expect.arrayContaining(['abc', '12', '发票', 'hello']));
    expect(tokens.every((t) => /^[\p{L}\p{N}]+$/u.test(t) && t === t.toLowerCase())).toBe(true);
    expect(tokens.filter((t) => t === '发票')).toHaveLength(1);
    expect(indexTokens('，。！？  ')).toEqual([]);
  });

  it('parses a query into words (all required), each with its search-mode tokens for highlighting', () => {
    const q = parseQuery('纳税服务  培训');
    expect(q.words.map((w) => w.word)).toEqual(['纳税服务', '培训']);
    expect(q.words[0]?.tokens).toEqual(['纳税服务', '纳税', '服务']);
    expect(q.words[1]?.tokens).toEqual(['培训']);
    expect(q.highlight[0]).toBe('纳税服务');
    expect(parseQuery('办税').words).toEqual([{ word: '办税', tokens: ['办税'] }]);
    expect(parseQuery('征管法').words).toEqual([{ word: '征管法', tokens: ['征管法', '征管', '管法'] }]);
  });

  it('drops function words unless nothing else is left, and punctuation always', () => {
    expect(parseQuery('发票的管理').words.map((w) => w.word)).toEqual(['发票', '管理']);
    expect(parseQuery('的').words.map((w) => w.word)).toEqual(['的']);
    expect(parseQuery('“”《》！').words).toEqual([]);
  });
});
