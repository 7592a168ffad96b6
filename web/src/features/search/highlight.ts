/** A piece of a snippet: plain text, marked when it matched the query. */
export interface SnippetPart {
  text: string;
  mark: boolean;
}

/**
 * Splits a snippet into plain and marked parts by the server's `[start, end)` ranges. Ranges out
 * of bounds, empty, reversed or overlapping an earlier one are ignored, so a bad response can
 * never break the text; the parts are rendered as text nodes, never as HTML.
 */
export function snippetParts(snippet: string, highlights: readonly (readonly [number, number])[]): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let at = 0;
  const sorted = [...highlights].sort((a, b) => a[0] - b[0]);
  for (const [start, end] of sorted) {
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < at || end <= start || end > snippet.length) continue;
    if (start > at) parts.push({ text: snippet.slice(at, start), mark: false });
    parts.push({ text: snippet.slice(start, end), mark: true });
    at = end;
  }
  if (at < snippet.length) parts.push({ text: snippet.slice(at), mark: false });
  return parts;
}
