import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import { explainStartupError } from './startup-errors';

describe('explainStartupError', () => {
  const sqlite = loadConfig({});
  const postgres = loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/zb' });

  it('names PORT when the port is taken', () => {
    expect(explainStartupError({ code: 'EADDRINUSE' }, sqlite)).toMatch(/Port 8080 .* set PORT/);
  });

  it('names DATABASE_URL when PostgreSQL cannot be used', () => {
    expect(explainStartupError({ code: '3D000', message: 'database "zb" does not exist' }, postgres)).toMatch(
      /DATABASE_URL: database "zb"/,
    );
    expect(explainStartupError({ code: 'ECONNREFUSED', message: 'refused' }, postgres)).toMatch(/DATABASE_URL/);
  });

  it('names ZHOUBAO_DATA_DIR when the SQLite folder cannot be used', () => {
    expect(explainStartupError({ code: 'ENOTDIR', message: 'not a directory' }, sqlite)).toMatch(/ZHOUBAO_DATA_DIR/);
  });

  it('leaves other errors to the stack trace', () => {
    expect(explainStartupError(new Error('boom'), sqlite)).toBeNull();
    expect(explainStartupError({ code: 'ECONNREFUSED' }, sqlite)).toBeNull();
  });
});
