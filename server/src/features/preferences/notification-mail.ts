import type { TLocale, TNotificationType } from '@zhoubao/contracts';
import { isoWeekday, parseWeekId } from '../weeks/iso-week';

// The e-mail of a notification, in the recipient's language (zh-CN or en), as plain text. It is
// made from the notification's data alone, which holds ids, weeks, names and excerpts: never
// restricted item text.

export interface NotificationMail {
  subject: string;
  text: string;
}

export interface MailContext {
  /** The address people open Zhoubao at (no trailing slash). */
  publicUrl: string;
  /** Shown in the signature; may be empty. */
  orgName: string;
}

type Data = Record<string, unknown>;

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

const ZH_WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];
const EN_WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2026 年第 40 周` / `week 40 of 2026`. */
export function weekLabel(week: string, locale: TLocale): string {
  const p = parseWeekId(week);
  if (!p) return week;
  return locale === 'en' ? `week ${p.week} of ${p.year}` : `${p.year} 年第 ${p.week} 周`;
}

/** A moment written with its offset (`2026-09-30T17:00:00+08:00`) as `9月30日（周三）17:00` / `Wed 30 Sep 17:00`, in that offset. */
export function wallTimeLabel(iso: string, locale: TLocale): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2})/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d, hm] = m as unknown as [string, string, string, string, string];
  const wd = isoWeekday(`${y}-${mo}-${d}`) - 1;
  return locale === 'en'
    ? `${EN_WEEKDAYS[wd]} ${Number(d)} ${EN_MONTHS[Number(mo) - 1]} ${hm}`
    : `${Number(mo)}月${Number(d)}日（周${ZH_WEEKDAYS[wd]}）${hm}`;
}

interface DigestRow {
  name: string;
  members: number;
  submitted: number;
  late: number;
  missing: number;
  published: boolean;
}

function digestLines(data: Data, en: boolean): string[] {
  const t = (data.totals ?? {}) as Partial<DigestRow>;
  const rows = (Array.isArray(data.departments) ? data.departments : []) as DigestRow[];
  const lines = [
    en
      ? `In all: ${num(t.submitted)} submitted (${num(t.late)} late), ${num(t.missing)} missing, ${num(data.publishedCount)} of ${rows.length + num(data.more)} bulletins published.`
      : `合计：已提交 ${num(t.submitted)} 份（迟交 ${num(t.late)} 份），未提交 ${num(t.missing)} 人，简报已发布 ${num(data.publishedCount)}/${rows.length + num(data.more)} 个部门。`,
    '',
  ];
  for (const r of rows) {
    lines.push(
      en
        ? `- ${r.name}: ${r.submitted} submitted, ${r.late} late, ${r.missing} missing; bulletin ${r.published ? 'published' : 'not published'}`
        : `- ${r.name}：已提交 ${r.submitted}，迟交 ${r.late}，未提交 ${r.missing}；简报${r.published ? '已发布' : '未发布'}`,
    );
  }
  if (num(data.more) > 0)
    lines.push(en ? `… and ${num(data.more)} more departments.` : `……另有 ${num(data.more)} 个部门，请登录查看。`);
  return lines;
}

function missingLines(data: Data, en: boolean): string[] {
  const people = (Array.isArray(data.missing) ? data.missing : []) as { displayName: string }[];
  const names = people.map((p) => p.displayName).join(en ? ', ' : '、');
  const more = num(data.count) - people.length;
  return [
    en
      ? `Not submitted yet: ${names}${more > 0 ? ` and ${more} more` : ''}.`
      : `尚未提交：${names}${more > 0 ? ` 等 ${num(data.count)} 人` : ''}。`,
  ];
}

/** Subject, body lines and link path of a notification, in one language. */
function compose(type: TNotificationType, d: Data, locale: TLocale): { subject: string; lines: string[]; path: string } {
  const en = locale === 'en';
  const week = str(d.week);
  const wk = week ? weekLabel(week, locale) : '';
  const report = `/reports/${encodeURIComponent(str(d.reportId))}`;
  const excerpt = str(d.excerpt);
  switch (type) {
    case 'comment':
      return {
        subject: en ? `${str(d.authorName)} commented on your report` : `${str(d.authorName)} 评论了你的周报`,
        lines: [excerpt],
        path: report,
      };
    case 'feedback':
      return {
        subject: en ? `Feedback from ${str(d.authorName)} on your report` : `${str(d.authorName)} 对你的周报给出了反馈`,
        lines: [excerpt],
        path: report,
      };
    case 'mention':
      return {
        subject: en ? `${str(d.authorName)} mentioned you in a comment` : `${str(d.authorName)} 在评论中提到了你`,
        lines: [excerpt],
        path: report,
      };
    case 'grade':
      return {
        subject: en ? `Your report of ${wk} was graded ${str(d.grade)}` : `你的${wk}周报被评为 ${str(d.grade)}`,
        lines: [],
        path: report,
      };
    case 'bulletin.published':
      return {
        subject: en
          ? `${str(d.departmentName)}: the bulletin of ${wk} is published`
          : `${str(d.departmentName)}${wk}周报汇编已发布`,
        lines: [],
        path: `/wall/${week}`,
      };
    case 'objection.answered':
      return {
        subject: en ? `Your objection about ${wk} was answered` : `你对${wk}得分的异议已答复`,
        lines: [],
        path: '/my-score',
      };
    case 'reminder': {
      const deadline = wallTimeLabel(str(d.deadline), locale);
      return {
        subject: en ? `Reminder: your report of ${wk} is due ${deadline}` : `提醒：请在 ${deadline} 前提交${wk}周报`,
        lines: [
          en
            ? `Your weekly report of ${wk} has not been submitted yet. The deadline is ${deadline}.`
            : `你的${wk}周报尚未提交，截止时间为 ${deadline}。`,
        ],
        path: `/my-week/${week}`,
      };
    }
    case 'reminder.missing':
      return {
        subject: en
          ? `${str(d.departmentName)}: ${num(d.count)} reports of ${wk} missing`
          : `${str(d.departmentName)}${wk}有 ${num(d.count)} 人未提交周报`,
        lines: missingLines(d, en),
        path: `/department?week=${week}`,
      };
    case 'digest':
      return {
        subject: en ? `Weekly reports of ${wk}: the digest` : `${wk}周报情况汇总`,
        lines: digestLines(d, en),
        path: `/wall/${week}`,
      };
    default:
      return { subject: en ? 'A new notification' : '新通知', lines: [], path: '/' };
  }
}

/** The e-mail of a notification for a recipient in `locale`. */
export function renderNotificationMail(type: TNotificationType, data: Data, locale: TLocale, ctx: MailContext): NotificationMail {
  const { subject, lines, path } = compose(type, data, locale);
  const en = locale === 'en';
  const sign = ctx.orgName ? `${ctx.orgName} · ${en ? 'Zhoubao' : '周报系统'}` : en ? 'Zhoubao' : '周报系统';
  const footer = en
    ? 'You receive this e-mail because of your notification settings (Account → Notifications).'
    : '此邮件根据你的通知设置发送，可在“个人设置 → 通知”中更改。';
  const body = [subject, '', ...lines.filter((l, i) => l !== '' || i > 0), '', `${ctx.publicUrl}${path}`, '', '—', sign, footer];
  return { subject: `[${en ? 'Zhoubao' : '周报'}] ${subject}`, text: body.join('\n').replace(/\n{3,}/g, '\n\n') };
}
