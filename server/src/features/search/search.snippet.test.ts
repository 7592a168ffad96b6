import { describe, expect, it } from 'vitest';
import { makeSnippet } from './search.snippet';

const marked = (s: { snippet: string; highlights: [number, number][] }) => s.highlights.map(([a, b]) => s.snippet.slice(a, b));

describe('makeSnippet', () => {
  it('marks every occurrence of the terms in plain text', () => {
    const s = makeSnippet('为5户企业办理跨区办税，办税时长缩短', ['办税']);
    expect(s.snippet).toBe('为5户企业办理跨区办税，办税时长缩短');
    expect(s.highlights).toEqual([
      [9, 11],
      [12, 14],
    ]);
    expect(marked(s)).toEqual(['办税', '办税']);
  });

  it('merges overlapping terms and matches case-insensitively', () => {
    const s = makeSnippet('推广ABC系统与纳税服务', ['纳税服务', '纳税', 'abc']);
    expect(marked(s)).toEqual(['ABC', '纳税服务']);
  });

  it('cuts long text around the first match with ellipses, ranges shifted to the cut', () => {
    const text = `${'甲'.repeat(200)}留抵退税${'乙'.repeat(200)}`;
    const s = makeSnippet(text, ['留抵退税'], 60);
    expect(s.snippet.startsWith('…')).toBe(true);
    expect(s.snippet.endsWith('…')).toBe(true);
    expect(s.snippet.length).toBe(62);
    expect(marked(s)).toEqual(['留抵退税']);
  });

  it('keeps markup as text: nothing is escaped or added', () => {
    const s = makeSnippet('<script>alert(1)</script> 发票', ['发票']);
    expect(s.snippet).toBe('<script>alert(1)</script> 发票');
    expect(marked(s)).toEqual(['发票']);
  });

  it('starts at the beginning when nothing matches (a hit by category or tag) and turns line breaks into spaces', () => {
    const s = makeSnippet('第一行\n第二行', ['无关']);
    expect(s).toEqual({ snippet: '第一行 第二行', highlights: [] });
  });
});
