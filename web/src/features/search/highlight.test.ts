import { describe, expect, it } from 'vitest';
import { snippetParts } from './highlight';

describe('snippetParts', () => {
  it('splits a snippet into plain and marked parts', () => {
    expect(
      snippetParts('为企业办理跨区办税，办税快', [
        [7, 9],
        [10, 12],
      ]),
    ).toEqual([
      { text: '为企业办理跨区', mark: false },
      { text: '办税', mark: true },
      { text: '，', mark: false },
      { text: '办税', mark: true },
      { text: '快', mark: false },
    ]);
  });

  it('keeps markup as plain text', () => {
    expect(snippetParts('<b>发票</b>', [[3, 5]])).toEqual([
      { text: '<b>', mark: false },
      { text: '发票', mark: true },
      { text: '</b>', mark: false },
    ]);
  });

  it('ignores ranges out of bounds, empty, reversed or overlapping', () => {
    const parts = snippetParts('留抵退税办理', [
      [0, 4],
      [2, 5],
      [5, 5],
      [6, 3],
      [4, 99],
    ]);
    expect(parts).toEqual([
      { text: '留抵退税', mark: true },
      { text: '办理', mark: false },
    ]);
    expect(snippetParts('', [])).toEqual([]);
  });
});
