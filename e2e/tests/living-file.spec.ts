import fs from 'node:fs';
import { expect, request as playwrightRequest, test } from '@playwright/test';
import JSZip from 'jszip';
import { signIn } from './helpers';
import { type SeededPerson, seedDepartment } from './seed';

/** Signs the person in through the API, saves and submits this week's report with these items. */
async function submitReport(
  baseURL: string,
  person: SeededPerson,
  items: { kind: 'work' | 'study' | 'plan'; content: string; outcome?: string; category?: string }[],
): Promise<{ id: string; week: string }> {
  const api = await playwrightRequest.newContext({ baseURL });
  try {
    const login = await api.post('/api/v1/auth/login', { data: { username: person.username, password: person.password } });
    expect(login.status()).toBe(200);
    const headers = { 'x-csrf-token': (await login.json()).csrfToken as string };
    const week = (await (await api.get('/api/v1/weeks/current')).json()).week as string;
    const saved = await api.put(`/api/v1/me/reports/${week}`, { headers, data: { summary: '', items } });
    expect(saved.status(), await saved.text()).toBe(200);
    const submitted = await api.post(`/api/v1/me/reports/${week}/submit`, { headers });
    expect(submitted.status(), await submitted.text()).toBe(200);
    return { id: (await submitted.json()).id as string, week };
  } finally {
    await api.dispose();
  }
}

/** The text of a .docx: every text run of word/document.xml, in order. */
async function docxText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

test('a colleague opens a living file, downloads the growth album, and finds the work by a word', async ({ page, baseURL }) => {
  const dept = await seedDepartment(baseURL as string, 1);
  const author = dept.members[0] as SeededPerson;
  const work = '为企业办理跨区办税迁移手续12户';
  const outcome = '经验做法被市局简报采用';
  const report = await submitReport(baseURL as string, author, [
    { kind: 'work', content: work, outcome, category: '纳税服务' },
    { kind: 'study', content: '学习《税收征管法》第三章' },
  ]);

  // A member of another department opens the author's living file from the people page.
  await signIn(page, dept.outsider.username, dept.outsider.password);
  await page.goto('/people');
  await page.getByTestId('people-search').locator('input').fill(author.username);
  await page.getByTestId('people-search').locator('input').press('Enter');
  const card = page.locator(`[data-testid="person-card"][data-username="${author.username}"]`);
  await card.getByTestId('person-card-link').click();
  await expect(page).toHaveURL(new RegExp(`/people/${author.id}$`));
  await expect(page.getByTestId('profile-name')).toContainText(author.displayName);
  await expect(page.locator('[data-testid="profile-stat"][data-stat="submitted"]')).toHaveAttribute('data-value', '1');
  // The achievement (an item with an outcome) is on the file.
  await expect(page.getByText(outcome).first()).toBeVisible();

  // The growth album downloads as a Word document holding the week's work and outcome.
  const download = page.waitForEvent('download');
  await page.getByTestId('album-download').click();
  const file = await (await download).path();
  expect(file).toBeTruthy();
  const text = await docxText(file as string);
  expect(text).toContain(author.displayName);
  expect(text).toContain(work);
  expect(text).toContain(outcome);

  // Search by a word inside a longer word: 办税 finds 跨区办税; the hit opens the report.
  await page.goto('/search');
  await page.getByTestId('search-input').locator('input').fill('办税');
  await page.getByTestId('search-input').locator('input').press('Enter');
  const hit = page.locator(`[data-testid="search-hit"][data-report-id="${report.id}"]`).first();
  await expect(hit).toBeVisible();
  await expect(hit.locator('mark').first()).toHaveText('办税');
  await hit.click();
  await expect(page).toHaveURL(new RegExp(`/reports/${report.id}`));
  await expect(page.getByText(work)).toBeVisible();

  // At phone width the living file still reads: name and stats without horizontal scrolling.
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(`/people/${author.id}`);
  await expect(page.getByTestId('profile-name')).toContainText(author.displayName);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
