import JSZip from 'jszip';

// A small reader of .docx files for tests: a .docx is a zip whose `word/document.xml` holds the
// paragraphs (`w:p`) and their text runs (`w:t`). (jszip comes with exceljs; tests use it only.)

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const decode = (s: string): string =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => {
    if (e[0] === '#')
      return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e] ?? m;
  });

/** The paragraphs of a WordprocessingML part, each the text of its runs (a tab as `\t`, a break as `\n`). */
export function paragraphsOf(xml: string): string[] {
  const out: string[] = [];
  for (const p of xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []) {
    let text = '';
    for (const m of p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>/g)) {
      text += m[1] !== undefined ? decode(m[1]) : m[0] === '<w:tab/>' ? '\t' : '\n';
    }
    out.push(text);
  }
  return out;
}

/** A Word document read back: its parts' XML and the paragraphs of its body. */
export interface DocxContent {
  files: string[];
  xml: (path: string) => Promise<string>;
  paragraphs: string[];
  /** Every paragraph of the body, one per line. */
  text: string;
}

/** Opens .docx bytes and reads `word/document.xml`. */
export async function readDocx(data: Buffer | Uint8Array): Promise<DocxContent> {
  const zip = await JSZip.loadAsync(data);
  const xml = async (path: string) => {
    const file = zip.file(path);
    if (!file) throw new Error(`no ${path} in the document`);
    return file.async('string');
  };
  const paragraphs = paragraphsOf(await xml('word/document.xml'));
  return { files: Object.keys(zip.files), xml, paragraphs, text: paragraphs.join('\n') };
}

/** The UTF-8 file name of a `Content-Disposition` header (`filename*=UTF-8''…`), decoded. */
export function dispositionFilename(header: string | undefined): string | null {
  const m = /filename\*=UTF-8''([^;]+)/i.exec(header ?? '');
  return m?.[1] ? decodeURIComponent(m[1]) : null;
}
