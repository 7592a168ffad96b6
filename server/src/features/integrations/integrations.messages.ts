import type { TLocale, TPersonRef } from '@zhoubao/contracts';
import { formatInZone, parseWeekId } from '../weeks/iso-week';
import type { OutboundMessage } from './integrations.types';

// Chat messages are built from names, counts, weeks and links only: never from report text, so
// nothing restricted can reach a chat group or a JSON receiver.

/** `2026年第48周` or `2026-W48`. */
export function weekText(week: string, locale: TLocale): string {
  const p = parseWeekId(week);
  if (!p || locale !== 'zh-CN') return week;
  return `${p.year}年第${p.week}周`;
}

/** Names joined the locale's way, at most `max` of them and then "and N more". */
export function namesText(people: TPersonRef[], locale: TLocale, max = 30): string {
  const shown = people.slice(0, max).map((p) => p.displayName);
  const rest = people.length - shown.length;
  if (locale === 'zh-CN') return shown.join('、') + (rest > 0 ? ` 等 ${people.length} 人` : '');
  return shown.join(', ') + (rest > 0 ? ` and ${rest} more` : '');
}

export interface BulletinFacts {
  departmentName: string;
  week: string;
  version: number;
  publishedBy: string | null;
  stats: { members: number; submitted: number; late: number };
  missing: TPersonRef[];
  link: string;
}

/** A department's bulletin was published: counts and who is missing, with a link to the wall. */
export function bulletinMessage(f: BulletinFacts, locale: TLocale): OutboundMessage {
  const week = weekText(f.week, locale);
  const zh = locale === 'zh-CN';
  const missing = f.missing.length;
  const facts = [
    { label: zh ? '部门' : 'Department', value: f.departmentName },
    { label: zh ? '周次' : 'Week', value: week },
    { label: zh ? '已交 / 应交' : 'Submitted / expected', value: `${f.stats.submitted} / ${f.stats.members}` },
    { label: zh ? '迟交' : 'Late', value: String(f.stats.late) },
    { label: zh ? '未交' : 'Missing', value: missing > 0 ? namesText(f.missing, locale) : zh ? '无' : 'none' },
  ];
  if (f.publishedBy) facts.push({ label: zh ? '发布人' : 'Published by', value: f.publishedBy });
  const version = f.version > 1 ? (zh ? `（第 ${f.version} 版）` : ` (version ${f.version})`) : '';
  return {
    title: zh ? `${f.departmentName} ${week}周报汇编已发布` : `${f.departmentName}: bulletin of ${week} published`,
    text: zh
      ? `${f.departmentName} ${week}的周报汇编已在晾晒台发布${version}。应交 ${f.stats.members} 人，已交 ${f.stats.submitted} 人（迟交 ${f.stats.late} 人），未交 ${missing} 人。`
      : `The bulletin of ${f.departmentName} for ${week} is on the wall${version}. ${f.stats.submitted} of ${f.stats.members} submitted (${f.stats.late} late), ${missing} missing.`,
    link: f.link,
    linkLabel: zh ? '查看汇编' : 'Open the bulletin',
    facts,
  };
}

export interface SubmittedFacts {
  displayName: string;
  departmentName: string | null;
  week: string;
  late: boolean;
  counts: { work: number; study: number; plan: number };
  link: string;
}

/** Someone submitted a report: who, when, on time or late and how many items, never their text. */
export function submittedMessage(f: SubmittedFacts, locale: TLocale): OutboundMessage {
  const week = weekText(f.week, locale);
  const zh = locale === 'zh-CN';
  const facts = [
    { label: zh ? '提交人' : 'Author', value: f.displayName },
    { label: zh ? '周次' : 'Week', value: week },
    { label: zh ? '状态' : 'Status', value: f.late ? (zh ? '迟交' : 'late') : zh ? '按时' : 'on time' },
    {
      label: zh ? '条目' : 'Items',
      value: zh
        ? `本周工作 ${f.counts.work} 条，学习 ${f.counts.study} 条，下周计划 ${f.counts.plan} 条`
        : `${f.counts.work} work, ${f.counts.study} study, ${f.counts.plan} plan`,
    },
  ];
  if (f.departmentName) facts.splice(1, 0, { label: zh ? '部门' : 'Department', value: f.departmentName });
  return {
    title: zh ? `${f.displayName} 提交了${week}周报` : `${f.displayName} submitted the report of ${week}`,
    text: zh
      ? `${f.departmentName ? `${f.departmentName} ` : ''}${f.displayName} 已${f.late ? '迟交' : '按时提交'}${week}周报。`
      : `${f.displayName}${f.departmentName ? ` (${f.departmentName})` : ''} submitted the report of ${week}${f.late ? ' late' : ' on time'}.`,
    link: f.link,
    linkLabel: zh ? '查看周报' : 'Open the report',
    facts,
  };
}

export interface ReminderFacts {
  departmentName: string;
  week: string;
  deadline: string;
  timezone: string;
  missing: TPersonRef[];
  link: string;
}

/** After the deadline: who in a department has not submitted yet. */
export function reminderMessage(f: ReminderFacts, locale: TLocale): OutboundMessage {
  const week = weekText(f.week, locale);
  const zh = locale === 'zh-CN';
  const deadline = formatInZone(Date.parse(f.deadline), f.timezone).slice(0, 16).replace('T', ' ');
  const names = namesText(f.missing, locale);
  return {
    title: zh ? `${f.departmentName} ${week}周报未交提醒` : `${f.departmentName}: reports of ${week} missing`,
    text: zh
      ? `${week}周报已于 ${deadline} 截止，${f.departmentName}尚有 ${f.missing.length} 人未提交：${names}。请尽快填写提交。`
      : `The reports of ${week} were due at ${deadline}; ${f.missing.length} in ${f.departmentName} have not submitted: ${names}. Please submit soon.`,
    link: f.link,
    linkLabel: zh ? '填写周报' : 'Write the report',
    facts: [
      { label: zh ? '部门' : 'Department', value: f.departmentName },
      { label: zh ? '截止时间' : 'Deadline', value: deadline },
      { label: zh ? '未交人数' : 'Missing', value: String(f.missing.length) },
    ],
  };
}

/** The message of "send a test" on a webhook. */
export function testMessage(locale: TLocale, link: string, at: Date, timezone: string): OutboundMessage {
  const zh = locale === 'zh-CN';
  const when = formatInZone(at.getTime(), timezone).slice(0, 19).replace('T', ' ');
  return {
    title: zh ? '周报系统测试消息' : 'Zhoubao test message',
    text: zh
      ? `这是一条来自周报系统的测试消息，发送于 ${when}。收到即表示配置正确。`
      : `A test message from Zhoubao, sent at ${when}. If you can read it, the webhook works.`,
    link,
    linkLabel: zh ? '打开周报系统' : 'Open Zhoubao',
  };
}
