import { describe, expect, it } from 'vitest';
import { en, zhCN } from './catalogues';

/** Every leaf key of a catalogue, as dotted paths. */
function keys(node: unknown, prefix = ''): string[] {
  if (typeof node !== 'object' || node === null) return [prefix];
  return Object.entries(node).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

/** The {{placeholders}} of every message. */
function placeholders(node: unknown, prefix = ''): Record<string, string[]> {
  if (typeof node === 'string') return { [prefix]: [...node.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort() };
  if (typeof node !== 'object' || node === null) return {};
  return Object.assign({}, ...Object.entries(node).map(([k, v]) => placeholders(v, prefix ? `${prefix}.${k}` : k)));
}

describe('i18n catalogues', () => {
  it('have identical key sets', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
  });

  it('use the same placeholders in both languages', () => {
    expect(placeholders(en)).toEqual(placeholders(zhCN));
  });

  it('have no empty message', () => {
    for (const catalogue of [en, zhCN]) {
      const empty = Object.entries(placeholders(catalogue)).filter(([key]) => {
        const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalogue);
        return typeof value !== 'string' || value.trim() === '';
      });
      expect(empty).toEqual([]);
    }
  });
});
