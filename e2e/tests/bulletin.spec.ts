import { expect, request as playwrightRequest, test } from '@playwright/test';
import { signIn, signOut } from './helpers';
import { type SeededPerson, seedDepartment } from './seed';

interface ItemInput {
  kind: 'work' | 'study' | 'plan';
  content: string;
  category?: string;
  outcome?: string;
  tags?: string[];
  visibility?: 'public' | 'restricted';
}

/** Signs the person in through the API, saves the current week's report and submits it; returns its id. */
async function submitReport(baseURL: string, person: SeededPerson, summary: string, items: ItemInput[]): Promise<string> {
  const api = await playwrightRequest.newContext({ baseURL });
  try {
    const login = await api.post('/api/v1/auth/login', { data: { username: person.username, password: person.password } });
    expect(login.status()).toBe(200);
    const headers = { 'x-csrf-token': (await login.json()).csrfToken as string };
    const week = (await (await api.get('/api/v1/weeks/current')).json()).week as string;
    const saved = await api.put(`/api/v1/me/reports/${week}`, { headers, data: { summary, items } });
    expect(saved.status(), await saved.text()).toBe(200);
    const submitted = await api.post(`/api/v1/me/reports/${week}/submit`, { headers });
    expect(submitted.status(), await submitted.text()).toBe(200);
    return (await submitted.json()).id as string;
  } finally {
    await api.dispose();
  }
}

test('a head publishes the bulletin; a colleague reads it on the wall without the restricted item; the author sees who read', async ({
  page,
  baseURL,
}) => {
  const dept = await seedDepartment(baseURL as string, 3);
  const [writer, second, idle] = dept.members as [SeededPerson, SeededPerson, SeededPerson];
  const secret = `人事调整预案${Date.now() % 100000}`;
  const summaryText = `本周科室完成季度申报高峰保障，窗口平均等候时间下降。${Date.now() % 1000}`;

  const writerReportId = await submitReport(baseURL as string, writer, '申报高峰周', [
    {
      kind: 'work',
      category: '纳税服务',
      content: '保障季度申报高峰，增开两个窗口',
      outcome: '平均等候 12 分钟',
      tags: ['申报期'],
    },
    { kind: 'work', content: secret, visibility: 'restricted' },
    { kind: 'study', content: '学习新修订的发票管理办法' },
    { kind: 'plan', content: '整理本季度咨询热点问题' },
  ]);
  await submitReport(baseURL as string, second, '', [{ kind: 'work', content: '受理跨区迁移业务 36 件' }]);

  // The head sees who has submitted, writes the summary, previews and publishes.
  await signIn(page, dept.head.username, dept.head.password);
  await page.goto('/department');
  await expect(page.locator(`[data-testid="member-status"][data-user-id="${writer.id}"]`)).toHaveAttribute(
    'data-status',
    'submitted',
  );
  await expect(page.locator(`[data-testid="member-status"][data-user-id="${idle.id}"]`)).toHaveAttribute(
    'data-status',
    'missing',
  );
  await page.getByTestId('summary-text').fill(summaryText);
  await page.getByTestId('summary-item-add').click();
  await page.getByTestId('summary-item-content').last().fill('组织全科学习新的征管流程');
  await page.getByTestId('summary-save').click();
  await expect(page.getByTestId('summary-dirty')).toHaveCount(0);

  await page.getByTestId('bulletin-preview').click();
  const preview = page.getByTestId('bulletin-preview-drawer').getByTestId('bulletin');
  await expect(preview).toHaveAttribute('data-version', 'preview');
  await expect(preview.getByTestId('bulletin-summary')).toContainText(summaryText);
  // The head may read the restricted item.
  await expect(preview.getByText(secret)).toBeVisible();
  await page.keyboard.press('Escape');

  await page.getByTestId('bulletin-publish').click();
  await page.getByTestId('bulletin-publish-confirm').click();
  await expect(page.getByTestId('published-version')).toHaveAttribute('data-version', '1');
  await signOut(page);

  // A colleague from another department reads the bulletin on the wall.
  await signIn(page, dept.outsider.username, dept.outsider.password);
  await page.goto('/wall');
  await expect(page.getByTestId('wall-week')).toBeVisible();
  const card = page.locator(`[data-testid="wall-dept-card"][data-dept-id="${dept.id}"]`);
  await expect(card).toHaveAttribute('data-published', 'true');
  await card.click();
  const bulletin = page.getByTestId('bulletin');
  await expect(bulletin).toHaveAttribute('data-version', '1');
  await expect(bulletin).toHaveAttribute('data-dept-id', dept.id);
  // The summary comes first, then the members' reports in department order.
  const sections = bulletin.locator('[data-testid="bulletin-summary"], [data-testid="report-card"]');
  await expect(sections.first()).toHaveAttribute('data-testid', 'bulletin-summary');
  await expect(bulletin.getByTestId('bulletin-summary')).toContainText(summaryText);
  await expect(bulletin.getByTestId('report-card')).toHaveCount(2);
  const writerCard = bulletin.locator(`[data-testid="report-card"][data-report-id="${writerReportId}"]`);
  await expect(writerCard).toHaveAttribute('data-author', writer.displayName);
  await expect(writerCard.getByTestId('item-redacted')).toHaveCount(1);
  await expect(writerCard).toContainText('平均等候 12 分钟');
  await expect(bulletin.getByTestId('missing-list')).toContainText(idle.displayName);
  expect(await page.content()).not.toContain(secret);

  await writerCard.getByText('整理本季度咨询热点问题').click();
  await expect(page).toHaveURL(new RegExp(`/reports/${writerReportId}$`));
  await expect(page.getByTestId('report-view')).toContainText('保障季度申报高峰');
  await expect(page.getByTestId('report-view').getByTestId('item-redacted')).toHaveCount(1);
  expect(await page.content()).not.toContain(secret);
  // Only the author and those who oversee them see the readers.
  await expect(page.getByTestId('readers-list')).toHaveCount(0);
  await signOut(page);

  // The author sees the colleague among the readers.
  await signIn(page, writer.username, writer.password);
  await page.goto(`/reports/${writerReportId}`);
  await expect(page.getByTestId('report-view').getByText(secret)).toBeVisible();
  const reader = page.locator(`[data-testid="reader"][data-user-id="${dept.outsider.id}"]`);
  await expect(reader).toBeVisible();
  await expect(reader).toContainText(dept.outsider.displayName);
});
