import { describe, expect, it } from 'vitest';
import { bigrams, normalizeText, reportText, similarity } from './similarity';

const lines = [
  '完成本周增值税申报辅导，解答纳税人咨询三十余次',
  '参加全市税收征管业务培训，学习新版征管系统操作',
  '整理办税服务厅排队数据，提出延时服务建议',
  '配合稽查局完成两户企业的发票核查工作',
  '撰写跨区域涉税事项报验流程说明并在科室分享',
  '下周计划开展个人所得税汇算清缴宣传活动',
];

describe('similarity', () => {
  it('is 1 for identical text', () => {
    const text = lines.join('\n');
    expect(similarity(text, text)).toBe(1);
  });

  it('is near 0 for unrelated text', () => {
    const other = '组织党支部主题党日活动，观看警示教育片并撰写心得体会；维护机房空调与备用电源';
    expect(similarity(lines.join('\n'), other)).toBeLessThan(0.1);
  });

  it('is at least 0.8 for a copy with one line changed', () => {
    const changed = [...lines];
    changed[2] = '走访辖区五家重点税源企业，了解留抵退税政策落实情况';
    const score = similarity(changed.join('\n'), lines.join('\n'));
    expect(score).toBeGreaterThanOrEqual(0.8);
    expect(score).toBeLessThan(1);
  });

  it('ignores spacing, punctuation and the order of lines', () => {
    const a = lines.map((l) => `${l}。`).join('\n');
    const b = [...lines].reverse().join('  \n ');
    expect(similarity(a, b)).toBe(1);
  });

  it('compares Chinese by characters, not whitespace tokens', () => {
    // Same words, no shared whitespace token: a token measure would give 0.
    expect(similarity('完成增值税申报辅导', '增值税申报辅导已完成')).toBeGreaterThan(0.6);
  });

  it('is 0 for an empty text and handles a single character', () => {
    expect(similarity('', '完成')).toBe(0);
    expect(similarity('税', '税')).toBe(1);
    expect(bigrams('税').get('税')).toBe(1);
  });

  it('counts repeated bigrams as a multiset', () => {
    expect(similarity('税税税税', '税税')).toBeCloseTo(1 / 3, 3);
  });
});

describe('normalizeText and reportText', () => {
  it('keeps letters, digits and CJK only, lower-cased', () => {
    expect(normalizeText('ＡBc，１２ 办税！')).toBe('abc12办税');
  });

  it('joins contents and outcomes line by line', () => {
    expect(reportText([{ content: '甲' }, { content: '乙', outcome: '丙' }])).toBe('甲\n乙\n丙');
  });
});
