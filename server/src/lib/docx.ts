import {
  AlignmentType,
  BorderStyle,
  type Document,
  Footer,
  type IParagraphOptions,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  TextRun,
} from 'docx';
import type { FastifyReply } from 'fastify';

/** The MIME type of a Word (.docx) document. */
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The fonts of an office circular (GB/T 9704, 党政机关公文格式): the title in 方正小标宋简体, first-level
 * headings in 黑体, second-level in 楷体, the body in 仿宋, Latin letters and digits in Times New Roman.
 * Word has no per-run fallback list, so each name is declared in the document's font table with an
 * alternative (`w:altName`) and the GB2312 character set: a computer without 方正小标宋简体 shows 宋体.
 */
export const FONTS = {
  title: '方正小标宋简体',
  heading: 'SimHei',
  subheading: 'KaiTi',
  body: 'FangSong',
  song: 'SimSun',
  latin: 'Times New Roman',
} as const;

export type FontRole = keyof typeof FONTS;

/** The alternative Word substitutes for each font when it is missing, and its font family. */
const FONT_TABLE: { name: string; alt: string; family: 'auto' | 'roman' }[] = [
  { name: FONTS.title, alt: '宋体', family: 'auto' },
  { name: FONTS.heading, alt: '黑体', family: 'auto' },
  { name: FONTS.subheading, alt: '楷体', family: 'auto' },
  { name: FONTS.body, alt: '仿宋', family: 'auto' },
  { name: FONTS.song, alt: '宋体', family: 'auto' },
  { name: FONTS.latin, alt: 'Times', family: 'roman' },
];

/** Chinese type sizes in points: 初号 42, 小初 36, 一号 26, 二号 22, 三号 16, 四号 14, 小四 12, 五号 10.5. */
export const PT = { chu: 42, xiaochu: 36, yi: 26, er: 22, san: 16, si: 14, xiaosi: 12, wu: 10.5 } as const;

/** 1.5 line spacing (Word counts 240 per line). */
export const LINE_15 = { line: 360, lineRule: LineRuleType.AUTO } as const;

/** The red of a circular's masthead and rule. */
export const RED = 'C00000';

/** Whether XML 1.0 can hold a code point: tab, line feed, carriage return and U+0020 on, except surrogates and U+FFFE/F. */
const xmlChar = (cp: number): boolean =>
  cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp < 0xd800) || (cp > 0xdfff && cp < 0xfffe) || cp > 0xffff;

/** Text made safe for a Word document: characters XML cannot hold (control characters, lone surrogates) are removed. */
export function clean(text: string): string {
  let out = '';
  // Iterating by code point keeps surrogate pairs whole; a lone surrogate comes out as itself and is dropped.
  for (const ch of text) if (xmlChar(ch.codePointAt(0) as number)) out += ch;
  return out;
}

export interface RunStyle {
  font?: FontRole;
  /** Points. */
  size?: number;
  bold?: boolean;
  color?: string;
}

/**
 * Runs of text in a font of the table (East Asian text in it, Latin text in Times New Roman), one per
 * line: a line break in the text becomes a break in the document.
 */
export function runs(text: string, style: RunStyle = {}): TextRun[] {
  const east = FONTS[style.font ?? 'body'];
  return clean(text)
    .split(/\r\n|\r|\n/)
    .map(
      (line, i) =>
        new TextRun({
          text: line,
          break: i > 0 ? 1 : undefined,
          font: { ascii: FONTS.latin, hAnsi: FONTS.latin, cs: FONTS.latin, eastAsia: east },
          size: style.size ? style.size * 2 : undefined,
          bold: style.bold,
          color: style.color,
        }),
    );
}

/** A paragraph of the given runs (or text in the body style), 1.5 line spacing unless told otherwise. */
export function para(
  children: string | ParagraphChild[],
  options: Omit<IParagraphOptions, 'children'> = {},
  style: RunStyle = {},
) {
  return new Paragraph({
    spacing: LINE_15,
    ...options,
    children: typeof children === 'string' ? runs(children, style) : children,
  });
}

/** A body paragraph of a circular: 仿宋 三号, first line indented by two characters. */
export function bodyPara(children: string | ParagraphChild[], size: number = PT.san) {
  return para(children, { indent: { firstLine: size * 2 * 20 } }, { font: 'body', size });
}

/** A centred red rule under a circular's masthead. */
export function redRule(): Paragraph {
  return new Paragraph({
    spacing: { before: 0, after: 240 },
    border: { bottom: { color: RED, space: 1, style: BorderStyle.THICK, size: 18 } },
    children: [],
  });
}

/** The page number of a circular's footer, centred: `— 1 —`, 宋体 四号. */
export function pageNumberFooter(): Footer {
  const font = { ascii: FONTS.song, hAnsi: FONTS.song, eastAsia: FONTS.song, cs: FONTS.song };
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ font, size: PT.si * 2, children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 21 → 二十一, 99 → 九十九; from 100 on, Arabic digits. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const head = tens === 0 ? '' : tens === 1 ? '十' : `${DIGITS[tens]}十`;
  return head + (ones === 0 ? '' : (DIGITS[ones] as string));
}

const ROMAN: [number, string][] = [
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

/** 1 → I, 14 → XIV (up to 399), for English section numbers. */
export function romanNumber(n: number): string {
  let rest = n;
  let out = '';
  for (const [value, letters] of ROMAN) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out || String(n);
}

const xmlAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The font table naming each font with its alternative and GB2312 character set (see FONTS). */
function fontTableXml(): string {
  const fonts = FONT_TABLE.map(
    (f) =>
      `<w:font w:name="${xmlAttr(f.name)}"><w:altName w:val="${xmlAttr(f.alt)}"/>` +
      `<w:charset w:val="${f.name === FONTS.latin ? '00' : '86'}"/><w:family w:val="${f.family}"/><w:pitch w:val="variable"/></w:font>`,
  ).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    fonts +
    '</w:fonts>'
  );
}

/** Packs a document into .docx bytes, with the font table of FONTS. */
export async function packDocx(doc: Document): Promise<Buffer> {
  return Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
}

/** A file name part without path separators, reserved or control characters; never empty. */
export function safeFilePart(s: string): string {
  const out = [...clean(s)]
    .filter((c) => !'\\/:*?"<>|\u007F'.includes(c) && c >= ' ')
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  return out || '-';
}

/**
 * `Content-Disposition: attachment` with an ASCII `filename` for old clients and the real UTF-8 name
 * in `filename*` (RFC 5987 / RFC 6266), which browsers prefer.
 */
export function attachmentDisposition(filename: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${(c.codePointAt(0) as number).toString(16).toUpperCase()}`,
  );
  const ascii = asciiFallback.replace(/[^\x20-\x7E]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** A Word document ready to send: its bytes, its real (UTF-8) file name and an ASCII fallback name. */
export interface DocxFile {
  filename: string;
  asciiName: string;
  data: Buffer;
}

/** Sends a Word document as an attachment (the bytes bypass the JSON serializer). */
export function sendDocx(reply: FastifyReply, file: DocxFile): FastifyReply {
  return reply
    .header('content-type', DOCX_MIME)
    .header('content-disposition', attachmentDisposition(file.filename, file.asciiName))
    .send(file.data);
}
