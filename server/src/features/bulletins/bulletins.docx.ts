import { ITEM_KINDS, type TBulletin, type TBulletinExportQuery, type TPresentedItem, type TReportItem } from '@zhoubao/contracts';
import { AlignmentType, Document, type Paragraph, Tab, TabStopType, TextRun } from 'docx';
import type { AppContext } from '../../context';
import type { Actor } from '../../lib/actor';
import {
  bodyPara,
  type DocxFile,
  FONTS,
  LINE_15,
  PT,
  packDocx,
  pageNumberFooter,
  para,
  RED,
  redRule,
  runs,
  safeFilePart,
} from '../../lib/docx';
import { notFound } from '../../lib/errors';
import { type DocLabels, docLabels, documentLocale } from '../album/labels';
import { getSettings } from '../settings/settings.service';
import { localDate } from '../weeks/iso-week';
import { getBulletin, getWall } from './bulletins.service';

// Published bulletins as an office circular (公文, GB/T 9704 proportions): a red masthead, the issue
// line (the week, the issuer, the date) over a red rule, the title in 小标宋 二号, then numbered
// sections in 黑体 and 楷体 with the body in 仿宋 三号 at 1.5 line spacing. Everything written comes
// from the bulletin as the report presenter gave it to this viewer, so a restricted item the viewer
// may not read is not in the file; the circular leaves such items out altogether.

/** A4 with the margins of GB/T 9704: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (in twips). */
const PAGE = {
  size: { width: 11906, height: 16838 },
  margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 },
};
const TEXT_WIDTH = PAGE.size.width - PAGE.margin.left - PAGE.margin.right;

const isFull = (i: TPresentedItem): i is TReportItem => !('redacted' in i);

/** A first-level heading (`一、部门小结`): 黑体 三号. */
const heading = (text: string) =>
  para(text, { spacing: { ...LINE_15, before: 120 }, keepNext: true }, { font: 'heading', size: PT.san });

/** A second-level heading (`（一）王五`): 楷体 三号. */
const subheading = (text: string) =>
  para(text, { keepNext: true, indent: { firstLine: PT.san * 40 } }, { font: 'subheading', size: PT.san });

/**
 * The numbering of the four levels of a circular (GB/T 9704: 一、 （一） 1. （1）). A single bulletin starts
 * at the first level; in the wall each department takes the first, so its parts start at the second.
 */
interface Levels {
  part: (n: number) => string;
  partHeading: (text: string) => Paragraph;
  member: (n: number) => string;
  memberFont: 'subheading' | 'body';
  item: (n: number) => string;
}

const levelsOf = (L: DocLabels, inWall: boolean): Levels =>
  inWall
    ? { part: L.subsection, partHeading: subheading, member: L.third, memberFont: 'body', item: L.fourth }
    : { part: L.section, partHeading: heading, member: L.subsection, memberFont: 'subheading', item: L.third };

/** An item as one body paragraph: `1. 【类别】内容  成果：……` */
function itemParagraph(i: TReportItem, number: string, L: DocLabels): Paragraph {
  const outcome = i.outcome ? `  ${L.circular.outcome}${L.colon}${i.outcome}` : '';
  return bodyPara(`${number}${i.category ? L.category(i.category) : ''}${i.content}${outcome}`);
}

/** Items by kind (本周工作, 学习提升, 下周计划), each kind a run-in label, the items numbered within it. */
function itemsBlock(items: readonly TPresentedItem[], L: DocLabels, number: (n: number) => string): Paragraph[] {
  const visible = items.filter(isFull);
  return ITEM_KINDS.flatMap((kind) => {
    const ofKind = visible.filter((i) => i.kind === kind);
    if (ofKind.length === 0) return [];
    return [
      bodyPara(runs(`${L.kind[kind]}${L.colon}`, { font: 'body', size: PT.san, bold: true })),
      ...ofKind.map((i, n) => itemParagraph(i, number(n + 1), L)),
    ];
  });
}

/** One department's bulletin: its summary, every member's report, then who did not submit. */
function bulletinBody(b: TBulletin, L: DocLabels, inWall: boolean): Paragraph[] {
  const c = L.circular;
  const lv = levelsOf(L, inWall);
  const out: Paragraph[] = [lv.partHeading(`${lv.part(1)}${c.summary}`)];
  const hasSummary = b.summary.summary.trim() !== '' || b.summary.items.some(isFull);
  if (!hasSummary) out.push(bodyPara(c.noSummary));
  if (b.summary.summary.trim()) out.push(bodyPara(b.summary.summary));
  out.push(...itemsBlock(b.summary.items, L, L.third));

  out.push(lv.partHeading(`${lv.part(2)}${c.reports}`));
  if (b.reports.length === 0) out.push(bodyPara(c.noReports));
  b.reports.forEach((r, n) => {
    const name = `${lv.member(n + 1)}${r.displayName}${r.late ? c.lateMark : ''}`;
    const bold = lv.memberFont === 'body';
    out.push(para(name, { keepNext: true, indent: { firstLine: PT.san * 40 } }, { font: lv.memberFont, size: PT.san, bold }));
    if (r.summary.trim()) out.push(bodyPara(r.summary));
    out.push(...itemsBlock(r.items, L, lv.item));
  });

  out.push(lv.partHeading(`${lv.part(3)}${c.status}`));
  out.push(bodyPara(c.stats(b.stats)));
  out.push(bodyPara(c.missing(b.missing.map((p) => p.displayName))));
  if (b.absent.length > 0) out.push(bodyPara(c.absent(b.absent.map((p) => p.displayName))));
  return out;
}

/** The masthead, the issue line and the red rule, then the title. */
function masthead(L: DocLabels, o: { orgName: string; week: string; date: string; title: string; version?: number | null }) {
  const c = L.circular;
  const issue = `${L.week(o.week)}${o.version && o.version > 1 ? c.version(o.version) : ''}`;
  return [
    para(
      c.masthead,
      { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 240, line: 240 } },
      {
        font: 'title',
        size: PT.xiaochu,
        color: RED,
      },
    ),
    para(issue, { alignment: AlignmentType.CENTER, spacing: { line: 240, after: 240 } }, { font: 'body', size: PT.san }),
    para(
      [
        ...runs(o.orgName ? c.issuer(o.orgName) : '', { font: 'body', size: PT.san }),
        new TextRun({ children: [new Tab()] }),
        ...runs(L.date(o.date), { font: 'body', size: PT.san }),
      ],
      { tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }], spacing: { line: 240, after: 0 } },
    ),
    redRule(),
    para(
      o.title,
      { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 240, line: 480 } },
      { font: 'title', size: PT.er },
    ),
  ];
}

function circular(title: string, children: Paragraph[]): Document {
  return new Document({
    title,
    styles: {
      default: {
        document: {
          run: { font: { ascii: FONTS.latin, hAnsi: FONTS.latin, eastAsia: FONTS.body }, size: PT.san * 2 },
          paragraph: { spacing: LINE_15 },
        },
      },
    },
    sections: [{ properties: { page: PAGE }, footers: { default: pageNumberFooter() }, children }],
  });
}

/** The viewer's document language and the organisation's name and time zone. */
async function context(ctx: AppContext, actor: Actor) {
  const settings = await getSettings(ctx);
  return { L: docLabels(documentLocale(actor.locale, settings.locale)), orgName: settings.orgName, tz: settings.timezone };
}

/** The local date of the latest publication among bulletins (today when none has a time). */
function publishedDate(bulletins: TBulletin[], tz: string): string {
  const latest = bulletins
    .map((b) => b.publishedAt ?? '')
    .sort()
    .at(-1);
  return localDate(latest ? new Date(latest) : new Date(), tz);
}

/**
 * A department's published bulletin of a week (the latest, or `version`) as a circular, presented
 * for `actor` exactly as `GET /departments/:id/bulletins/:week` presents it; 404 when none.
 */
export async function exportBulletinDocx(
  ctx: AppContext,
  actor: Actor,
  departmentId: string,
  week: string,
  query: TBulletinExportQuery,
): Promise<DocxFile> {
  const b = await getBulletin(ctx, actor, departmentId, week, { version: query.version });
  const { L, orgName, tz } = await context(ctx, actor);
  const title = L.circular.bulletinTitle(b.department.name, week);
  const children = [
    ...masthead(L, { orgName, week, date: publishedDate([b], tz), title, version: b.version }),
    ...bulletinBody(b, L, false),
  ];
  return {
    filename: L.circular.bulletinFile(safeFilePart(b.department.name), week),
    asciiName: `bulletin-${week}.docx`,
    data: await packDocx(circular(title, children)),
  };
}

/** Every published bulletin of a week as one circular, a numbered section per department; 404 when none. */
export async function exportWallDocx(ctx: AppContext, actor: Actor, week: string): Promise<DocxFile> {
  const wall = await getWall(ctx, actor, week);
  if (wall.bulletins.length === 0) throw notFound('Published bulletin');
  const { L, orgName, tz } = await context(ctx, actor);
  const title = L.circular.wallTitle(week);
  const children = [...masthead(L, { orgName, week, date: publishedDate(wall.bulletins, tz), title })];
  wall.bulletins.forEach((b, n) => {
    children.push(heading(`${L.section(n + 1)}${b.department.name}`));
    children.push(...bulletinBody(b, L, true));
  });
  return {
    filename: L.circular.wallFile(week),
    asciiName: `bulletins-${week}.docx`,
    data: await packDocx(circular(title, children)),
  };
}
