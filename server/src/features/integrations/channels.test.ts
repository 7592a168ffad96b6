import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dingtalkBody, dingtalkSign, dingtalkUrl } from './channels/dingtalk';
import { feishuBody, feishuSign } from './channels/feishu';
import { genericSignature } from './channels/generic';
import { slackBody } from './channels/slack';
import { splitUtf8, WECOM_MAX_BYTES } from './channels/wecom';
import { isWellFormed } from './test-receivers';

describe('DingTalk signature', () => {
  it('matches the check vector', () => {
    expect(dingtalkSign('SECtestsecret0123456789', 1700000000000)).toBe('zrLWzK97t62y5CpqN8Ok9UIdPvX+jL1PNoW8nKT5a9k=');
  });

  it('puts timestamp and the URL-encoded sign in the query string', () => {
    const url = dingtalkUrl(
      'https://oapi.dingtalk.com/robot/send?access_token=abc',
      'SECtestsecret0123456789',
      new Date(1700000000000),
    );
    expect(url).toBe(
      'https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=1700000000000&sign=zrLWzK97t62y5CpqN8Ok9UIdPvX%2BjL1PNoW8nKT5a9k%3D',
    );
    expect(dingtalkUrl('https://oapi.dingtalk.com/robot/send?access_token=abc', null, new Date())).toBe(
      'https://oapi.dingtalk.com/robot/send?access_token=abc',
    );
  });

  it('sends an actionCard when there is a link, else markdown', () => {
    expect(dingtalkBody({ title: 't', text: 'x', link: 'https://z/a', linkLabel: '查看' })).toMatchObject({
      msgtype: 'actionCard',
      actionCard: { title: 't', singleTitle: '查看', singleURL: 'https://z/a' },
    });
    expect(dingtalkBody({ title: 't', text: 'x' })).toMatchObject({ msgtype: 'markdown', markdown: { title: 't' } });
  });
});

describe('Feishu signature', () => {
  it('matches the check vector', () => {
    expect(feishuSign('testsecret', 1700000000)).toBe('AOc8oJ7//5OlQlfWC3nRL0R+IkuzcD1FKcAyibRK9Q8=');
  });

  it('puts timestamp (seconds, as text) and sign in the body only when there is a secret', () => {
    const signed = feishuBody({ title: 't', text: 'a\nb' }, 'testsecret', new Date(1700000000500));
    expect(signed).toMatchObject({
      timestamp: '1700000000',
      sign: 'AOc8oJ7//5OlQlfWC3nRL0R+IkuzcD1FKcAyibRK9Q8=',
      msg_type: 'post',
    });
    expect(feishuBody({ title: 't', text: 'a' }, null, new Date())).not.toHaveProperty('sign');
  });
});

describe('generic signature', () => {
  it('is sha256= hex HMAC over timestamp "." body', () => {
    // echo -n '1700000000.{"a":1}' | openssl dgst -sha256 -hmac s3cret
    expect(genericSignature('s3cret', '1700000000', '{"a":1}')).toBe(
      'sha256=1698a50bc74d1ff1db85c4e0a5297c2ad9fdba245d5737cdb789e4cc6e098940',
    );
    expect(genericSignature('s3cret', '1700000000', '{"a":1}')).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(genericSignature('s3cret', '1700000001', '{"a":1}')).not.toBe(genericSignature('s3cret', '1700000000', '{"a":1}'));
  });
});

describe('Slack blocks', () => {
  it('escapes mrkdwn and keeps the header within 150 characters', () => {
    const body = slackBody({
      title: '标'.repeat(200),
      text: 'a <b> & c',
      facts: [{ label: 'L', value: 'v' }],
      link: 'https://z',
      linkLabel: 'Open',
    });
    const blocks = body.blocks as { type: string; text?: { text: string } }[];
    expect([...(blocks[0]?.text?.text ?? '')].length).toBe(150);
    expect(blocks[1]?.text?.text).toBe('a &lt;b&gt; &amp; c');
    expect(blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'actions']);
  });
});

describe('WeCom splitting', () => {
  const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

  it('keeps a short message whole', () => {
    expect(splitUtf8('短消息')).toEqual(['短消息']);
  });

  it('splits long multibyte text into parts of at most 4096 bytes without breaking a character', () => {
    // 3-byte Chinese characters and 4-byte emoji, one very long line and many short ones.
    const text = `${'税'.repeat(3000)}\n${'😀'.repeat(1500)}\n${Array.from({ length: 400 }, (_, i) => `第${i}行：纳税服务`).join('\n')}`;
    const parts = splitUtf8(text);
    expect(parts.length).toBeGreaterThan(3);
    for (const [i, p] of parts.entries()) {
      expect(bytes(p)).toBeLessThanOrEqual(WECOM_MAX_BYTES);
      expect(p.startsWith(`(${i + 1}/${parts.length})\n`)).toBe(true);
      // A cut inside a character would leave a lone surrogate or U+FFFD after a UTF-8 round trip.
      expect(Buffer.from(p, 'utf8').toString('utf8')).toBe(p);
      expect(isWellFormed(p)).toBe(true);
    }
    const rebuilt = parts.map((p) => p.slice(p.indexOf('\n') + 1)).join('');
    expect(rebuilt.replace(/\n/g, '')).toBe(text.replace(/\n/g, ''));
  });

  it('holds for any text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 3000 }), fc.integer({ min: 64, max: 600 }), (text, max) => {
        const parts = splitUtf8(text, max);
        for (const p of parts) {
          if (parts.length > 1 || bytes(text) > max) expect(bytes(p)).toBeLessThanOrEqual(max);
          expect(isWellFormed(p)).toBe(true);
        }
        const body = parts.length === 1 && bytes(text) <= max ? parts : parts.map((p) => p.slice(p.indexOf('\n') + 1));
        expect(body.join('').replace(/\n/g, '')).toBe(text.replace(/\n/g, ''));
      }),
      { numRuns: 200 },
    );
  });
});
