import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, type TestApp } from '../../../test/helpers';
import type { AppContext } from '../../context';
import { openDatabase } from '../../db/database';
import { newId } from '../../lib/ids';
import { BACKOFF_MS, MAX_ATTEMPTS } from './delivery-worker';
import { enqueueWebhookEvent, processDeliveries } from './outbox';
import { isWellFormed, type Receivers, startReceivers } from './test-receivers';

const T0 = new Date('2026-11-27T09:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

for (const dialect of DIALECTS) {
  describe(`processDeliveries (${dialect})`, () => {
    let t: TestApp;
    let rx: Receivers;

    beforeAll(async () => {
      rx = await startReceivers();
    });
    afterAll(async () => {
      await rx.close();
    });
    beforeEach(async () => {
      t = await createTestApp(dialect);
      rx.received.length = 0;
      for (const k of Object.keys(rx.failWith)) delete rx.failWith[k as keyof typeof rx.failWith];
      for (const k of Object.keys(rx.secrets)) delete rx.secrets[k as keyof typeof rx.secrets];
    });
    afterEach(async () => {
      await t.close();
    });

    async function webhook(kind: string, path: string, secret: string | null = null): Promise<string> {
      const id = newId();
      const now = new Date().toISOString();
      await t.database.db
        .insertInto('webhooks')
        .values({
          id,
          name: kind,
          kind,
          url: `${rx.url}${path}`,
          secret,
          department_id: null,
          events: JSON.stringify(['reminder.missing']),
          enabled: 1,
          created_by: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      return id;
    }
    const enqueue = (key: string, text = '正文', when = T0) =>
      enqueueWebhookEvent(t.ctx.db, 'reminder.missing', null, { title: '标题', text }, key, { n: key }, when);
    const rows = () => t.database.db.selectFrom('deliveries').selectAll().orderBy('created_at').orderBy('id').execute();

    it('retries a failing delivery with backoff (1 min, 5, 30, 2 h, 12 h), keeps the last error, then marks it failed', async () => {
      await webhook('generic', '/generic/in');
      rx.failWith.generic = 503;
      await enqueue('k1');
      let clock = T0.getTime();
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        const res = await processDeliveries(t.ctx, new Date(clock));
        const [row] = await rows();
        expect(row?.attempts).toBe(attempt);
        expect(row?.last_error).toContain('HTTP 503');
        expect(row?.response_code).toBe(503);
        if (attempt < MAX_ATTEMPTS) {
          expect(res).toMatchObject({ retried: 1, failed: 0, sent: 0 });
          expect(row?.status).toBe('pending');
          const wait = BACKOFF_MS[attempt - 1] as number;
          expect(Date.parse(row?.next_attempt_at ?? '')).toBe(clock + wait);
          // Not a moment early.
          expect(await processDeliveries(t.ctx, new Date(clock + wait - 1000))).toMatchObject({ retried: 0, sent: 0 });
          clock += wait;
        } else {
          expect(res).toMatchObject({ failed: 1, retried: 0 });
          expect(row?.status).toBe('failed');
        }
      }
      expect(BACKOFF_MS).toEqual([60_000, 300_000, 1_800_000, 7_200_000, 43_200_000]);
      expect(rx.received).toHaveLength(MAX_ATTEMPTS);
      expect(await processDeliveries(t.ctx, new Date(clock + 86_400_000))).toMatchObject({ sent: 0, failed: 0, retried: 0 });
    });

    it('treats a DingTalk 200 answer with a non-zero errcode as a failure to retry, then sends on the next try', async () => {
      await webhook('dingtalk', '/dingtalk/robot/send?access_token=t', 'SECx');
      rx.secrets.dingtalk = 'SECx';
      rx.failWith.dingtalk = 400013;
      await enqueue('k1');
      expect(await processDeliveries(t.ctx, T0)).toMatchObject({ retried: 1, sent: 0 });
      const [row] = await rows();
      expect(row).toMatchObject({ status: 'pending', attempts: 1, response_code: 200 });
      expect(row?.last_error).toContain('errcode 400013');
      delete rx.failWith.dingtalk;
      expect(await processDeliveries(t.ctx, at(60_000))).toMatchObject({ sent: 1 });
      expect((await rows())[0]).toMatchObject({ status: 'sent', attempts: 2, sent_at: at(60_000).toISOString() });
    });

    it('sends at most 20 DingTalk messages a minute per robot and queues the rest, never dropping one', async () => {
      const robot = await webhook('dingtalk', '/dingtalk/robot/send?access_token=r1', 'SECr1');
      const other = await webhook('dingtalk', '/dingtalk/robot/send?access_token=r2', 'SECr1');
      rx.secrets.dingtalk = 'SECr1';
      await t.database.db.updateTable('webhooks').set({ events: '[]' }).where('id', '=', other).execute();
      for (let i = 0; i < 25; i++) await enqueue(`k${i}`);
      const first = await processDeliveries(t.ctx, T0);
      expect(first).toMatchObject({ sent: 20, deferred: 5, failed: 0, retried: 0 });
      expect(rx.accepted('dingtalk')).toHaveLength(20);
      const waiting = (await rows()).filter((r) => r.status === 'pending');
      expect(waiting).toHaveLength(5);
      for (const r of waiting) {
        expect(r.webhook_id).toBe(robot);
        expect(r.attempts).toBe(0);
        expect(Date.parse(r.next_attempt_at)).toBe(T0.getTime() + 60_000);
      }
      expect(await processDeliveries(t.ctx, at(30_000))).toMatchObject({ sent: 0, deferred: 0 });
      expect(await processDeliveries(t.ctx, at(60_000))).toMatchObject({ sent: 5, deferred: 0 });
      expect(rx.accepted('dingtalk')).toHaveLength(25);
      // The receiver enforces the limit too (by the signed timestamps): it refused nothing.
      expect(rx.received.filter((r) => r.service === 'dingtalk')).toHaveLength(25);
      expect((await rows()).every((r) => r.status === 'sent')).toBe(true);
    });

    it('splits a long WeCom message into parts of at most 4096 bytes with no broken character, all accepted', async () => {
      await webhook('wecom', '/wecom/cgi-bin/webhook/send?key=k');
      const text = Array.from({ length: 300 }, (_, i) => `${i + 1}. 王小明😀在跨区域涉税事项报验管理中完成了第${i}项核查`).join(
        '\n',
      );
      expect(Buffer.byteLength(text)).toBeGreaterThan(3 * 4096);
      await enqueue('long', text);
      expect(await processDeliveries(t.ctx, T0)).toMatchObject({ sent: 1 });
      const parts = rx.accepted('wecom').map((r) => (r.json as { markdown: { content: string } }).markdown.content);
      expect(parts.length).toBeGreaterThanOrEqual(4);
      expect(rx.received.filter((r) => r.service === 'wecom')).toHaveLength(parts.length);
      for (const p of parts) {
        expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(4096);
        expect(isWellFormed(p)).toBe(true);
      }
      const joined = parts.map((p) => p.slice(p.indexOf('\n') + 1)).join('\n');
      for (let i = 1; i <= 300; i++) expect(joined).toContain(`${i}. 王小明😀在跨区域涉税事项报验管理中完成了第${i - 1}项核查`);
      expect((await rows())[0]).toMatchObject({ status: 'sent', parts_sent: parts.length });
    });

    it('resumes a split WeCom message after the part that failed, without sending earlier parts again', async () => {
      await webhook('wecom', '/wecom/cgi-bin/webhook/send?key=k');
      await enqueue('long', '纳'.repeat(5000));
      rx.failWith.wecom = 45009;
      expect(await processDeliveries(t.ctx, T0)).toMatchObject({ retried: 1 });
      delete rx.failWith.wecom;
      expect(await processDeliveries(t.ctx, at(60_000))).toMatchObject({ sent: 1 });
      const accepted = rx.accepted('wecom').map((r) => (r.json as { markdown: { content: string } }).markdown.content);
      expect(accepted.map((c) => c.slice(0, 5))).toEqual(['(1/4)', '(2/4)', '(3/4)', '(4/4)']);
    });

    it('skips deliveries of a deleted or disabled webhook and takes back a claim that ran out', async () => {
      const gone = await webhook('generic', '/generic/a');
      const off = await webhook('generic', '/generic/b');
      const live = await webhook('generic', '/generic/c');
      await enqueue('k1');
      await t.database.db.deleteFrom('webhooks').where('id', '=', gone).execute();
      await t.database.db.updateTable('webhooks').set({ enabled: 0 }).where('id', '=', off).execute();
      // A process died while sending to `live`: its claim ran out a second ago.
      await t.database.db
        .updateTable('deliveries')
        .set({ status: 'sending', claimed_until: at(-1000).toISOString() })
        .where('webhook_id', '=', live)
        .execute();
      expect(await processDeliveries(t.ctx, T0)).toMatchObject({ sent: 1, skipped: 2 });
      expect(rx.received.map((r) => r.path)).toEqual(['/generic/c']);
      const errors = (await rows()).filter((r) => r.status === 'skipped').map((r) => r.last_error);
      expect(errors.sort()).toEqual(['the webhook is disabled', 'the webhook was deleted']);
    });

    it('leaves a delivery alone while another process holds its claim', async () => {
      await webhook('generic', '/generic/a');
      await enqueue('k1');
      await t.database.db
        .updateTable('deliveries')
        .set({ status: 'sending', claimed_until: at(60_000).toISOString() })
        .execute();
      expect(await processDeliveries(t.ctx, T0)).toMatchObject({ sent: 0 });
      expect(rx.received).toHaveLength(0);
    });

    it('sends each delivery exactly once when two processes race on one database', async () => {
      await webhook('generic', '/generic/race', 'race-secret');
      rx.secrets.generic = 'race-secret';
      const N = 150;
      for (let i = 0; i < N; i++) await enqueue(`k${i}`);
      let second: AppContext = t.ctx;
      let close = async () => {};
      if (dialect === 'postgres') {
        // A second pool on the same database: another "process".
        const { rows: r } = await (await import('kysely')).sql<{ name: string }>`select current_database() as name`.execute(
          t.database.db,
        );
        const url = new URL(process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
        url.pathname = `/${r[0]?.name}`;
        const other = openDatabase({ url: url.toString(), poolSize: 4 });
        second = { ...t.ctx, db: other.db };
        close = () => other.destroy();
      }
      try {
        const [a, b] = await Promise.all([processDeliveries(t.ctx, T0), processDeliveries(second, T0)]);
        expect(a.sent + b.sent).toBe(N);
        if (dialect === 'postgres') expect(Math.min(a.sent, b.sent), `split ${a.sent}/${b.sent}`).toBeGreaterThan(0);
      } finally {
        await close();
      }
      const ids = rx.accepted('generic').map((r) => r.headers['x-zhoubao-delivery']);
      expect(ids).toHaveLength(N);
      expect(new Set(ids).size).toBe(N);
      expect((await rows()).every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
    });
  });
}
