import fs from 'node:fs';
import { expect, type Page, request as playwrightRequest, test } from '@playwright/test';
import { signIn, signOut } from './helpers';
import { adminApi, type SeededPerson, seedDepartment } from './seed';

/** Signs the person in through the API, saves and submits this week's report; returns its id. */
async function submitReport(baseURL: string, person: SeededPerson, content: string): Promise<string> {
  const api = await playwrightRequest.newContext({ baseURL });
  try {
    const login = await api.post('/api/v1/auth/login', { data: { username: person.username, password: person.password } });
    expect(login.status()).toBe(200);
    const headers = { 'x-csrf-token': (await login.json()).csrfToken as string };
    const week = (await (await api.get('/api/v1/weeks/current')).json()).week as string;
    const items = [{ kind: 'work', content }];
    const saved = await api.put(`/api/v1/me/reports/${week}`, { headers, data: { summary: '', items } });
    expect(saved.status(), await saved.text()).toBe(200);
    const submitted = await api.post(`/api/v1/me/reports/${week}/submit`, { headers });
    expect(submitted.status(), await submitted.text()).toBe(200);
    return (await submitted.json()).id as string;
  } finally {
    await api.dispose();
  }
}

/** A leader (in a department of their own) who supervises `departmentId`. */
async function createLeader(baseURL: string, departmentId: string): Promise<SeededPerson> {
  const { api, csrf } = await adminApi(baseURL);
  const headers = { 'x-csrf-token': csrf };
  const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
  const dept = await api.post('/api/v1/departments', { headers, data: { name: `局领导${tag}` } });
  expect(dept.status()).toBe(201);
  const person = { username: `lead${tag}`, password: 'pass-word-1', displayName: '孙局长' };
  const res = await api.post('/api/v1/users', {
    headers,
    data: { ...person, departmentId: (await dept.json()).id, roles: ['leader'], supervises: [departmentId] },
  });
  expect(res.status(), await res.text()).toBe(201);
  const id = (await res.json()).id as string;
  await api.dispose();
  return { id, ...person };
}

// Set ZB_SHOTS=/some/dir to also save screenshots of the report page (zh-CN and en, desktop and phone).
const SHOTS = process.env.ZB_SHOTS;

async function shoot(page: Page, who: string): Promise<void> {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  const url = page.url();
  for (const lng of ['zh-CN', 'en']) {
    await page.evaluate((l) => localStorage.setItem('zhoubao.locale', l), lng);
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(url);
      await expect(page.getByTestId('evaluation-card')).toBeVisible();
      await expect(page.getByTestId('comments-card').getByTestId('comment').first()).toBeVisible();
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${SHOTS}/eval-${who}-${lng}-${width}.png`, fullPage: true });
    }
  }
  await page.evaluate(() => localStorage.setItem('zhoubao.locale', 'zh-CN'));
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(url);
}

/** A screenshot of the page as it is now, at both widths (when ZB_SHOTS is set). */
async function shootAsIs(page: Page, name: string, open?: () => Promise<void>): Promise<void> {
  if (!SHOTS) return;
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await page.reload();
    await open?.();
    await page.waitForTimeout(400);
    await page.screenshot({ path: `${SHOTS}/eval-${name}-${width}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.reload();
}

test('colleagues rate and comment, the leader grades and gives feedback, the author is notified', async ({ page, baseURL }) => {
  const dept = await seedDepartment(baseURL as string, 2);
  const [author, colleague] = dept.members as [SeededPerson, SeededPerson];
  const leader = await createLeader(baseURL as string, dept.id);
  const reportId = await submitReport(baseURL as string, author, `办理跨区迁移业务 ${Date.now() % 1000} 件`);
  const reportUrl = `/reports/${reportId}`;

  // A colleague likes, rates and comments (mentioning the head), then drops a second comment.
  await signIn(page, colleague.username, colleague.password);
  await page.goto(reportUrl);
  await expect(page.getByTestId('grade-panel')).toHaveCount(0);
  await page.getByTestId('like-toggle').click();
  await expect(page.getByTestId('like-toggle')).toHaveAttribute('data-liked', 'true');
  await expect(page.getByTestId('like-count')).toHaveText('1');
  await page.getByTestId('rating').locator('.ant-rate-star').nth(3).click();
  await expect(page.getByTestId('rating-average')).toHaveAttribute('data-average', '4');
  const input = page.getByTestId('comment-input');
  await input.click();
  await input.pressSequentially('条理清楚，值得学习 @王科');
  await page.locator('.ant-mentions-dropdown:visible').getByText('王科长').first().click();
  await page.getByTestId('comment-submit').click();
  const peerComment = page.getByTestId('comment').filter({ hasText: '值得学习' });
  await expect(peerComment).toHaveAttribute('data-kind', 'comment');
  await expect(peerComment).toContainText('@王科长');
  await input.fill('这条写错了');
  await page.getByTestId('comment-submit').click();
  const wrong = page.getByTestId('comment').filter({ hasText: '这条写错了' });
  await wrong.getByTestId('comment-delete').click();
  await page.getByTestId('comment-delete-confirm').click();
  await expect(wrong).toHaveCount(0);
  await shoot(page, 'colleague');
  await signOut(page);

  // The leader finds the report in the reading list, grades it and gives feedback.
  await signIn(page, leader.username, leader.password);
  await page.getByTestId('nav-to-read').click();
  const toRead = page.getByTestId('to-read-item').and(page.locator(`[data-report-id="${reportId}"]`));
  await expect(toRead).toBeVisible();
  await shootAsIs(page, 'to-read-zh-CN', () => expect(toRead).toBeVisible());
  await toRead.click();
  await expect(page).toHaveURL(new RegExp(`${reportUrl}$`));
  const panel = page.getByTestId('grade-panel');
  await panel.getByTestId('grade-option-A').click();
  await page.getByTestId('grade-note').fill('数据翔实');
  await page.getByTestId('grade-submit').click();
  await expect(page.getByTestId('grade-current')).toHaveAttribute('data-grade', 'A');
  await expect(panel.getByTestId('grade-history-entry')).toHaveCount(1);
  await input.fill('下周把迁移流程整理成指引');
  await page.getByTestId('comment-submit').click();
  await expect(page.getByTestId('comment').filter({ hasText: '整理成指引' })).toHaveAttribute('data-kind', 'feedback');
  const feedbackId = await page.getByTestId('comment').filter({ hasText: '整理成指引' }).getAttribute('data-comment-id');
  const feedback = page.locator(`[data-testid="comment"][data-comment-id="${feedbackId}"]`);
  await feedback.getByTestId('comment-edit').click();
  await feedback.getByTestId('comment-edit-input').fill('下周把迁移流程整理成办事指引');
  await feedback.getByTestId('comment-edit-save').click();
  await expect(feedback).toContainText('办事指引');
  await shoot(page, 'leader');
  // Opened: it has left the reading list.
  await page.getByTestId('nav-to-read').click();
  await expect(page.getByTestId('to-read-week')).toBeVisible();
  await expect(page.locator(`[data-testid="to-read-item"][data-report-id="${reportId}"]`)).toHaveCount(0);
  await signOut(page);

  // The author is told of both comments (the deleted one too: it was sent), the feedback and the grade.
  await signIn(page, author.username, author.password);
  await expect(page.getByTestId('notification-count')).toHaveText('4');
  await page.getByTestId('notification-bell').click();
  const items = page.getByTestId('notification-item');
  await expect(items).toHaveCount(4);
  await expect(items.and(page.locator('[data-type="grade"]'))).toContainText('A');
  await expect(items.and(page.locator('[data-type="comment"]'))).toHaveCount(2);
  await items.and(page.locator('[data-type="feedback"]')).click();
  await expect(page).toHaveURL(new RegExp(`${reportUrl}$`));
  await expect(page.getByTestId('notification-count')).toHaveText('3');
  const seen = page.getByTestId('comment').and(page.locator('[data-kind="feedback"]'));
  await expect(seen).toContainText('办事指引');
  await expect(seen.getByTestId('comment-feedback-tag')).toBeVisible();
  await expect(page.getByTestId('comment').and(page.locator('[data-kind="comment"]'))).toHaveCount(1);
  await expect(page.getByTestId('grade-current')).toHaveAttribute('data-grade', 'A');
  await expect(page.getByTestId('grade-current')).toContainText('数据翔实');
  await expect(page.getByTestId('rating')).toHaveCount(0);
  await expect(page.getByTestId('rating-average')).toHaveAttribute('data-average', '4');
  await expect(page.getByTestId('grade-panel')).toHaveCount(0);
  await expect(page.getByTestId('comment-edit')).toHaveCount(0);
  await shoot(page, 'author');
  await shootAsIs(page, 'bell-zh-CN', () => page.getByTestId('notification-bell').click());
  await page.getByTestId('notification-bell').click();
  await page.getByTestId('notifications-read-all').click();
  await expect(page.getByTestId('notification-count')).toHaveCount(0);
});
