import { describe, expect, it } from 'vitest';
import { attachmentDisposition, chineseNumber, clean, romanNumber, safeFilePart } from '../../lib/docx';
import { AppError } from '../../lib/errors';
import { monthOfWeek } from './album.presenter';
import { albumRange } from './album.service';
import { dispositionFilename } from './docx-text';
import { docLabels, documentLocale } from './labels';

describe('albumRange', () => {
  it('defaults to the current year so far; `from` alone runs to now, `to` alone starts in its year', () => {
    expect(albumRange({}, '2026-W48')).toEqual({ from: '2026-W01', to: '2026-W48' });
    expect(albumRange({ from: '2025-W30' }, '2026-W48')).toEqual({ from: '2025-W30', to: '2026-W48' });
    expect(albumRange({ to: '2024-W10' }, '2026-W48')).toEqual({ from: '2024-W01', to: '2024-W10' });
  });

  it('allows three years of weeks (157) and refuses a week more, or a reversed period, with 400', () => {
    expect(albumRange({ from: '2020-W01', to: '2022-W52' }, '2026-W01')).toEqual({ from: '2020-W01', to: '2022-W52' });
    const tooLong = () => albumRange({ from: '2020-W01', to: '2023-W02' }, '2026-W01');
    expect(tooLong).toThrow(AppError);
    expect(tooLong).toThrow(/at most 3 years/);
    expect(() => albumRange({ from: '2026-W10' }, '2026-W05')).toThrow(/from must not be after to/);
  });
});

describe('monthOfWeek', () => {
  it("puts a week in the month of its Thursday, as ISO weeks go to their Thursday's year", () => {
    expect(monthOfWeek('2025-W14')).toBe('2025-04'); // 31 March – 6 April
    expect(monthOfWeek('2025-W13')).toBe('2025-03');
    expect(monthOfWeek('2026-W01')).toBe('2026-01'); // 29 December 2025 – 4 January 2026
    expect(monthOfWeek('2026-W53')).toBe('2026-12'); // 28 December 2026 – 3 January 2027
  });
});

describe('document labels', () => {
  it('uses the user locale, else the organisation locale', () => {
    expect(documentLocale('en', 'zh-CN')).toBe('en');
    expect(documentLocale(null, 'en')).toBe('en');
    expect(documentLocale('fr', 'zh-CN')).toBe('zh-CN');
  });

  it('writes dates, weeks, months and section numbers in each language', () => {
    const zh = docLabels('zh-CN');
    const en = docLabels('en');
    expect([zh.date('2026-03-06'), zh.week('2026-W05'), zh.month('2026-03'), zh.section(12), zh.subsection(3)]).toEqual([
      '2026年3月6日',
      '2026年第5周',
      '2026年3月',
      '十二、',
      '（三）',
    ]);
    expect([en.date('2026-03-06'), en.week('2026-W05'), en.month('2026-03'), en.section(4), en.subsection(2)]).toEqual([
      '6 March 2026',
      'Week 5, 2026',
      'March 2026',
      'IV. ',
      '(b) ',
    ]);
  });
});

describe('docx helpers', () => {
  it('numbers sections in Chinese and Roman numerals', () => {
    expect([1, 10, 11, 20, 21, 99, 100].map(chineseNumber)).toEqual(['一', '十', '十一', '二十', '二十一', '九十九', '100']);
    expect([1, 4, 9, 14, 40, 49].map(romanNumber)).toEqual(['I', 'IV', 'IX', 'XIV', 'XL', 'XLIX']);
  });

  it('removes what XML cannot hold and keeps the rest, emoji included', () => {
    expect(clean('a\u0001b\u000Bc\td\ne😀\uD800f\uFFFE')).toBe('abc\td\ne😀f');
  });

  it('makes safe file name parts', () => {
    expect(safeFilePart(' 办公室/二科:*?"<>|\u0007 ')).toBe('办公室二科');
    expect(safeFilePart('\u0000')).toBe('-');
  });

  it('writes an RFC 5987 Content-Disposition that decodes to the UTF-8 name', () => {
    const header = attachmentDisposition("成长清单-王佳-2026-W01至2026-W48 (1)'s.docx", 'album-2026-W01-2026-W48.docx');
    expect(header).toBe(
      `attachment; filename="album-2026-W01-2026-W48.docx"; filename*=UTF-8''` +
        '%E6%88%90%E9%95%BF%E6%B8%85%E5%8D%95-%E7%8E%8B%E4%BD%B3-2026-W01%E8%87%B32026-W48%20%281%29%27s.docx',
    );
    expect(dispositionFilename(header)).toBe("成长清单-王佳-2026-W01至2026-W48 (1)'s.docx");
    expect(attachmentDisposition('x', '王"\\.docx')).toContain('filename="___.docx"');
  });
});
