import { describe, expect, it } from 'vitest';
import { buildTemplateCsv, csvField, TEMPLATE_COLUMNS } from './import-template';

describe('csvField', () => {
  it('quotes only fields that need it', () => {
    expect(csvField('市局/办公室')).toBe('市局/办公室');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
  });
});

describe('buildTemplateCsv', () => {
  it('starts with a byte-order mark and the documented header', () => {
    const csv = buildTemplateCsv([['zhangsan', '张三', '市局/办公室', '', '', 'head|member', '']]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [header, row] = csv.slice(1).split('\r\n');
    expect(header).toBe(TEMPLATE_COLUMNS.join(','));
    expect(header?.startsWith('username,displayName,department,title,email,roles')).toBe(true);
    expect(row).toBe('zhangsan,张三,市局/办公室,,,head|member,');
  });
});
