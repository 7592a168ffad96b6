import { ITEM_KINDS, type TAlbum, type TAlbumMonth, type TAlbumWeek, type TReportItem } from '@zhoubao/contracts';
import {
  AlignmentType,
  Bookmark,
  Document,
  Header,
  HeadingLevel,
  InternalHyperlink,
  type Paragraph,
  Tab,
  TabStopType,
  TextRun,
} from 'docx';
import { type DocxFile, FONTS, packDocx, pageNumberFooter, para, RED, runs, safeFilePart } from '../../lib/docx';
import { formatInZone, localDate, weekEnd, weekStart } from '../weeks/iso-week';
import { type DocLabels, docLabels } from './labels';

// The growth album as a Word document: a cover, a contents list by month, then each month on a page
// of its own with its weeks. The contents list is written out by hand (month, link, week count)
// rather than as a Word TOC field: a TOC field is empty until Word updates it on opening (after a
// prompt), and WPS, phone viewers and previews often never do, so the list would be blank there.

const BODY = 12;
const A4_MARGIN = 1440;
/** The text width of A4 with 2.54 cm margins, in twips: where right-aligned tabs sit. */
const TEXT_WIDTH = 11906 - 2 * A4_MARGIN;

const bookmarkOf = (month: string) => `m${month.replace('-', '')}`;

/** A local `YYYY-MM-DD HH:mm` in the organisation's time zone. */
const localTime = (iso: string, tz: string) => formatInZone(Date.parse(iso), tz).slice(0, 16).replace('T', ' ');

function cover(album: TAlbum, L: DocLabels, tz: string): Paragraph[] {
  const a = L.album;
  const row = (label: string, value: string) =>
    para([...runs(`${label}${L.colon}`, { font: 'heading', size: 14 }), ...runs(value, { font: 'song', size: 14 })], {
      indent: { left: 1800 },
      spacing: { before: 120, after: 120, line: 360 },
    });
  return [
    para('', { spacing: { before: 2400 } }),
    ...(album.orgName ? [para(album.orgName, { alignment: AlignmentType.CENTER }, { font: 'heading', size: 18 })] : []),
    para(a.title, { alignment: AlignmentType.CENTER, spacing: { before: 480, after: 240 } }, { font: 'title', size: 36 }),
    para(a.subtitle, { alignment: AlignmentType.CENTER, spacing: { after: 1200 } }, { font: 'subheading', size: 16 }),
    row(a.name, album.person.displayName),
    row(a.department, album.person.departmentName ?? '—'),
    row(a.jobTitle, album.person.title || '—'),
    row(a.period, a.periodText(album.from, album.to, weekStart(album.from), weekEnd(album.to))),
    row(a.generated, L.date(localDate(new Date(album.generatedAt), tz))),
    para(a.stats(album.stats), { spacing: { before: 600 }, indent: { left: 1800, right: 1800 } }, { font: 'song', size: BODY }),
  ];
}

function contents(album: TAlbum, L: DocLabels): Paragraph[] {
  const out = [
    para(L.album.contents, { alignment: AlignmentType.CENTER, spacing: { after: 240 } }, { font: 'heading', size: 18 }),
    para(L.album.contentsNote, { spacing: { after: 240 } }, { font: 'song', size: 10.5, color: '666666' }),
  ];
  if (album.months.length === 0) out.push(para(L.album.noWeeks, {}, { font: 'song', size: BODY }));
  for (const m of album.months) {
    out.push(
      para(
        [
          new InternalHyperlink({ anchor: bookmarkOf(m.month), children: runs(L.month(m.month), { font: 'song', size: 14 }) }),
          new TextRun({ children: [new Tab()] }),
          ...runs(L.album.monthWeeks(m.weeks.length), { font: 'song', size: 14 }),
        ],
        { tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH, leader: 'dot' }], spacing: { line: 400 } },
      ),
    );
  }
  return out;
}

function item(i: TReportItem, n: number, L: DocLabels): Paragraph[] {
  const a = L.album;
  const head = [
    ...runs(`${n}. `, { font: 'song', size: BODY, bold: true }),
    ...(i.category ? runs(L.category(i.category), { font: 'heading', size: BODY }) : []),
    ...runs(i.content, { font: 'song', size: BODY }),
    ...(i.visibility === 'restricted' ? runs(a.restricted, { font: 'song', size: BODY, color: 'AD6800' }) : []),
  ];
  const out = [para(head, { indent: { left: 360, hanging: 360 }, spacing: { before: 60, line: 320 } })];
  const detail = (label: string, value: string) =>
    para([...runs(`${label}${L.colon}`, { font: 'heading', size: 10.5 }), ...runs(value, { font: 'song', size: 10.5 })], {
      indent: { left: 360 },
      spacing: { line: 300 },
    });
  if (i.outcome) out.push(detail(a.outcome, i.outcome));
  if (i.tags.length > 0) out.push(detail(a.tags, i.tags.map((t) => `#${t}`).join('  ')));
  return out;
}

function week(w: TAlbumWeek, L: DocLabels, tz: string): Paragraph[] {
  const a = L.album;
  const out: Paragraph[] = [
    para(
      a.weekTitle(w.week, w.start, w.end),
      { heading: HeadingLevel.HEADING_2, spacing: { before: 360, after: 120 } },
      {
        font: 'heading',
        size: 14,
      },
    ),
    para(
      [
        ...runs(w.status === 'late' ? a.late : a.onTime, {
          font: 'heading',
          size: 10.5,
          color: w.status === 'late' ? RED : '2E7D32',
        }),
        ...(w.submittedAt
          ? runs(`  ${a.submittedAt(localTime(w.submittedAt, tz))}`, { font: 'song', size: 10.5, color: '666666' })
          : []),
      ],
      { spacing: { after: 60 } },
    ),
  ];
  if (w.grade) out.push(para(a.grade(w.grade.grade, w.grade.byName, w.grade.note), {}, { font: 'song', size: 10.5 }));
  if (w.summary.trim()) {
    out.push(
      para([
        ...runs(`${a.summary}${L.colon}`, { font: 'heading', size: BODY }),
        ...runs(w.summary, { font: 'song', size: BODY }),
      ]),
    );
  }
  if (w.items.length === 0) out.push(para(a.noItems, {}, { font: 'song', size: BODY, color: '666666' }));
  for (const kind of ITEM_KINDS) {
    const items = w.items.filter((i) => i.kind === kind);
    if (items.length === 0) continue;
    out.push(para(L.kind[kind], { heading: HeadingLevel.HEADING_3, spacing: { before: 120 } }, { font: 'heading', size: BODY }));
    items.forEach((i, n) => {
      out.push(...item(i, n + 1, L));
    });
  }
  if (w.feedback.length > 0) {
    out.push(
      para(a.feedbackTitle, { heading: HeadingLevel.HEADING_3, spacing: { before: 120 } }, { font: 'heading', size: BODY }),
    );
    for (const f of w.feedback) {
      const meta = `${f.authorName} · ${a.feedbackKind[f.kind]} · ${L.date(localDate(new Date(f.createdAt), tz))}`;
      out.push(para(meta, { indent: { left: 360 }, spacing: { before: 60, line: 300 } }, { font: 'heading', size: 10.5 }));
      out.push(para(f.body, { indent: { left: 360 }, spacing: { line: 320 } }, { font: 'song', size: BODY }));
    }
  }
  return out;
}

function month(m: TAlbumMonth, L: DocLabels, tz: string): Paragraph[] {
  return [
    para([new Bookmark({ id: bookmarkOf(m.month), children: runs(L.month(m.month), { font: 'heading', size: 18 }) })], {
      heading: HeadingLevel.HEADING_1,
      pageBreakBefore: true,
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
    }),
    ...m.weeks.flatMap((w) => week(w, L, tz)),
  ];
}

const headingStyle = (size: number) => ({
  run: {
    font: { ascii: FONTS.latin, hAnsi: FONTS.latin, eastAsia: FONTS.heading },
    size: size * 2,
    bold: false,
    color: '000000',
  },
});

/** The album as a .docx file, with its UTF-8 file name and an ASCII fallback name. */
export async function buildAlbumDocx(album: TAlbum, tz: string): Promise<DocxFile> {
  const L = docLabels(album.locale);
  const name = album.person.displayName;
  const page = {
    size: { width: 11906, height: 16838 },
    margin: { top: A4_MARGIN, bottom: A4_MARGIN, left: A4_MARGIN, right: A4_MARGIN },
  };
  const doc = new Document({
    title: `${L.album.title} · ${name}`,
    creator: album.orgName || 'Zhoubao',
    styles: {
      default: {
        document: { run: { font: { ascii: FONTS.latin, hAnsi: FONTS.latin, eastAsia: FONTS.song }, size: BODY * 2 } },
        heading1: headingStyle(18),
        heading2: headingStyle(14),
        heading3: headingStyle(BODY),
      },
    },
    sections: [
      { properties: { page }, children: cover(album, L, tz) },
      {
        properties: { page: { ...page, pageNumbers: { start: 1 } } },
        headers: {
          default: new Header({
            children: [
              para(L.album.header(name), { alignment: AlignmentType.RIGHT }, { font: 'song', size: 9, color: '888888' }),
            ],
          }),
        },
        footers: { default: pageNumberFooter() },
        children: [...contents(album, L), ...album.months.flatMap((m) => month(m, L, tz))],
      },
    ],
  });
  return {
    filename: L.album.filename(safeFilePart(name), album.from, album.to),
    asciiName: `album-${album.from}-${album.to}.docx`,
    data: await packDocx(doc),
  };
}
