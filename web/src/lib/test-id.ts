/**
 * `data-testid` (plus optional `data-*` attributes) as an object to spread into component props that
 * TypeScript types without data attributes (button props, table rows).
 */
export function testId(id: string, data?: Record<string, string>): Record<string, string> {
  const attrs: Record<string, string> = { 'data-testid': id };
  for (const [key, value] of Object.entries(data ?? {})) attrs[`data-${key}`] = value;
  return attrs;
}
