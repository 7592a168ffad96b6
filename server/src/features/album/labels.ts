import { LOCALES, type TItemKind, type TLocale } from '@zhoubao/contracts';
import { chineseNumber, romanNumber } from '../../lib/docx';
import { mustParseWeekId } from '../weeks/iso-week';

// The text of the Word documents the server writes (the growth album and the office circulars),
// in the two languages of the product. The web app's catalogues do not reach the server.

/** The language of a document for a requester: their own locale, else the organisation's. */
export function documentLocale(userLocale: string | null | undefined, orgLocale: TLocale): TLocale {
  return (LOCALES as readonly string[]).includes(userLocale ?? '') ? (userLocale as TLocale) : orgLocale;
}

/** The year, month and day of a `YYYY-MM-DD` date. */
const dateParts = (date: string) => {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return { y, m, d };
};
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const monthEn = (m: number) => MONTHS_EN[m - 1] as string;

/** The words and formats one language needs, for the album and the circulars alike. */
export interface DocLabels {
  /** `2026年3月6日` / `6 March 2026`. */
  date(date: string): string;
  /** `3月6日` / `6 Mar`. */
  shortDate(date: string): string;
  /** `2026年第48周` / `Week 48, 2026`. */
  week(week: string): string;
  /** `2026年3月` / `March 2026`. */
  month(month: string): string;
  /** A first-level section number: `一、` / `I. `. */
  section(n: number): string;
  /** A second-level section number: `（一）` / `(a) `. */
  subsection(n: number): string;
  /** A third-level number: `1. `. */
  third(n: number): string;
  /** A fourth-level number: `（1）` / `(1) `. */
  fourth(n: number): string;
  kind: Record<TItemKind, string>;
  /** A label's colon: `：` / `: `. */
  colon: string;
  /** An item's category before its text: `【纳税服务】` / `[Tax service] `. */
  category(c: string): string;
  album: {
    title: string;
    subtitle: string;
    name: string;
    department: string;
    jobTitle: string;
    period: string;
    generated: string;
    periodText(from: string, to: string, start: string, end: string): string;
    stats(s: { weeks: number; onTime: number; late: number; items: number; feedback: number }): string;
    contents: string;
    contentsNote: string;
    monthWeeks(n: number): string;
    weekTitle(week: string, start: string, end: string): string;
    onTime: string;
    late: string;
    submittedAt(time: string): string;
    summary: string;
    category: string;
    outcome: string;
    tags: string;
    restricted: string;
    feedbackTitle: string;
    feedbackKind: { feedback: string; comment: string };
    grade(grade: string, by: string, note: string | null): string;
    noWeeks: string;
    noItems: string;
    header(name: string): string;
    filename(name: string, from: string, to: string): string;
  };
  circular: {
    masthead: string;
    issuer(org: string): string;
    bulletinTitle(department: string, week: string): string;
    wallTitle(week: string): string;
    version(n: number): string;
    summary: string;
    reports: string;
    status: string;
    stats(s: { members: number; submitted: number; late: number }): string;
    missing(names: string[]): string;
    absent(names: string[]): string;
    noSummary: string;
    noReports: string;
    lateMark: string;
    outcome: string;
    bulletinFile(department: string, week: string): string;
    wallFile(week: string): string;
  };
}

const ZH: DocLabels = {
  date: (d) => {
    const { y, m, d: day } = dateParts(d);
    return `${y}年${m}月${day}日`;
  },
  shortDate: (d) => {
    const { m, d: day } = dateParts(d);
    return `${m}月${day}日`;
  },
  week: (w) => {
    const { year, week } = mustParseWeekId(w);
    return `${year}年第${week}周`;
  },
  month: (m) => {
    const { y, m: mo } = dateParts(`${m}-01`);
    return `${y}年${mo}月`;
  },
  section: (n) => `${chineseNumber(n)}、`,
  subsection: (n) => `（${chineseNumber(n)}）`,
  third: (n) => `${n}. `,
  fourth: (n) => `（${n}）`,
  kind: { work: '本周工作', study: '学习提升', plan: '下周计划' },
  colon: '：',
  category: (c) => `【${c}】`,
  album: {
    title: '成长清单',
    subtitle: '周报成长记录',
    name: '姓名',
    department: '部门',
    jobTitle: '职务',
    period: '时段',
    generated: '生成日期',
    periodText: (from, to, start, end) => `${ZH.week(from)}至${ZH.week(to)}（${ZH.date(start)}至${ZH.date(end)}）`,
    stats: (s) =>
      `本时段共提交周报${s.weeks}周，其中按时${s.onTime}周、迟交${s.late}周；记录事项${s.items}条，收到评论与反馈${s.feedback}条。`,
    contents: '目录',
    contentsNote: '按月份编排，点击月份可跳转到相应页面。',
    monthWeeks: (n) => `${n}周`,
    weekTitle: (w, start, end) => `${ZH.week(w)}（${ZH.shortDate(start)}—${ZH.shortDate(end)}）`,
    onTime: '按时提交',
    late: '迟交',
    submittedAt: (t) => `提交时间 ${t}`,
    summary: '本周小结',
    category: '类别',
    outcome: '成果',
    tags: '标签',
    restricted: '（内部）',
    feedbackTitle: '收到的评论与反馈',
    feedbackKind: { feedback: '领导反馈', comment: '评论' },
    grade: (g, by, note) => `领导评等：${g}（${by}）${note ? `，评语：${note}` : ''}`,
    noWeeks: '本时段内没有已提交的周报。',
    noItems: '本周没有可显示的事项。',
    header: (name) => `成长清单 · ${name}`,
    filename: (name, from, to) => `成长清单-${name}-${from}至${to}.docx`,
  },
  circular: {
    masthead: '工作周报',
    issuer: (org) => `${org}编`,
    bulletinTitle: (dept, w) => `${dept}${ZH.week(w)}工作周报`,
    wallTitle: (w) => `${ZH.week(w)}工作周报汇编`,
    version: (n) => `（第${n}版）`,
    summary: '部门小结',
    reports: '成员周报',
    status: '提交情况',
    stats: (s) => `应交${s.members}人，已交${s.submitted}人，其中迟交${s.late}人。`,
    missing: (names) => `未交：${names.length ? names.join('、') : '无'}。`,
    absent: (names) => `请假：${names.join('、')}。`,
    noSummary: '本周未撰写部门小结。',
    noReports: '本周没有成员提交周报。',
    lateMark: '（迟交）',
    outcome: '成果',
    bulletinFile: (dept, w) => `${dept}工作周报-${w}.docx`,
    wallFile: (w) => `工作周报汇编-${w}.docx`,
  },
};

const EN: DocLabels = {
  date: (d) => {
    const { y, m, d: day } = dateParts(d);
    return `${day} ${monthEn(m)} ${y}`;
  },
  shortDate: (d) => {
    const { m, d: day } = dateParts(d);
    return `${day} ${monthEn(m).slice(0, 3)}`;
  },
  week: (w) => {
    const { year, week } = mustParseWeekId(w);
    return `Week ${week}, ${year}`;
  },
  month: (m) => {
    const { y, m: mo } = dateParts(`${m}-01`);
    return `${monthEn(mo)} ${y}`;
  },
  section: (n) => `${romanNumber(n)}. `,
  subsection: (n) => `(${n <= 26 ? String.fromCharCode(96 + n) : n}) `,
  third: (n) => `${n}. `,
  fourth: (n) => `(${n}) `,
  kind: { work: 'Work this week', study: 'Study', plan: "Next week's plan" },
  colon: ': ',
  category: (c) => `[${c}] `,
  album: {
    title: 'Growth album',
    subtitle: 'A record of weekly reports',
    name: 'Name',
    department: 'Department',
    jobTitle: 'Title',
    period: 'Period',
    generated: 'Generated',
    periodText: (from, to, start, end) => `${EN.week(from)} to ${EN.week(to)} (${EN.date(start)} – ${EN.date(end)})`,
    stats: (s) =>
      `${s.weeks} weekly reports submitted in this period (${s.onTime} on time, ${s.late} late), ${s.items} items, ${s.feedback} comments and feedback received.`,
    contents: 'Contents',
    contentsNote: 'By month; click a month to go to it.',
    monthWeeks: (n) => (n === 1 ? '1 week' : `${n} weeks`),
    weekTitle: (w, start, end) => `${EN.week(w)} (${EN.shortDate(start)} – ${EN.shortDate(end)})`,
    onTime: 'On time',
    late: 'Late',
    submittedAt: (t) => `Submitted ${t}`,
    summary: 'Summary',
    category: 'Category',
    outcome: 'Outcome',
    tags: 'Tags',
    restricted: ' (internal)',
    feedbackTitle: 'Comments and feedback received',
    feedbackKind: { feedback: 'Feedback', comment: 'Comment' },
    grade: (g, by, note) => `Grade: ${g} (${by})${note ? `, note: ${note}` : ''}`,
    noWeeks: 'No submitted reports in this period.',
    noItems: 'No items to show for this week.',
    header: (name) => `Growth album · ${name}`,
    filename: (name, from, to) => `Growth-album-${name}-${from}-to-${to}.docx`,
  },
  circular: {
    masthead: 'Weekly Bulletin',
    issuer: (org) => `Issued by ${org}`,
    bulletinTitle: (dept, w) => `${dept}: weekly bulletin, ${EN.week(w)}`,
    wallTitle: (w) => `Weekly bulletins of all departments, ${EN.week(w)}`,
    version: (n) => `(version ${n})`,
    summary: 'Department summary',
    reports: "Members' reports",
    status: 'Submissions',
    stats: (s) => `${s.members} members, ${s.submitted} submitted, of which ${s.late} late.`,
    missing: (names) => `Not submitted: ${names.length ? names.join(', ') : 'none'}.`,
    absent: (names) => `On leave: ${names.join(', ')}.`,
    noSummary: 'No department summary this week.',
    noReports: 'No member submitted a report this week.',
    lateMark: ' (late)',
    outcome: 'Outcome',
    bulletinFile: (dept, w) => `${dept}-bulletin-${w}.docx`,
    wallFile: (w) => `Bulletins-${w}.docx`,
  },
};

/** The labels of a document language. */
export const docLabels = (locale: TLocale): DocLabels => (locale === 'en' ? EN : ZH);
