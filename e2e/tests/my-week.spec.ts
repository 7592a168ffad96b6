import { expect, type Page, type Route, test } from '@playwright/test';
import { signIn } from './helpers';
import { type SeededPerson, seedDepartment } from './seed';

// A member writes the week's report on a phone: items of every kind, autosave, reloads in the middle
// of typing, submission with confirmation, then a revision kept as a new version.

test.use({ viewport: { width: 375, height: 740 }, hasTouch: true });

interface ApiReport {
  id: string;
  status: string;
  version: number;
  summary: string;
  items: { kind: string; content: string; outcome: string | null; visibility: string }[];
}

/** The ISO week before the one starting on `monday` (`YYYY-MM-DD`). */
function previousWeek(monday: string): string {
  const day = Date.parse(`${monday}T00:00:00Z`) / 86_400_000 - 7;
  const thursday = day + 3;
  const year = new Date(thursday * 86_400_000).getUTCFullYear();
  const n = Math.floor((thursday - Date.UTC(year, 0, 1) / 86_400_000) / 7) + 1;
  return `${year}-W${String(n).padStart(2, '0')}`;
}

/** The API as the signed-in page (same cookies), with its CSRF token. */
async function pageApi(page: Page) {
  const me = await page.request.get('/api/v1/me');
  expect(me.status()).toBe(200);
  const headers = { 'x-csrf-token': (await me.json()).csrfToken as string };
  return {
    currentWeek: async () => (await (await page.request.get('/api/v1/weeks/current')).json()) as { week: string; start: string },
    report: async (week: string) => {
      const res = await page.request.get(`/api/v1/me/reports/${week}`);
      expect(res.status()).toBe(200);
      return (await res.json()) as ApiReport;
    },
    put: (week: string, data: unknown) => page.request.put(`/api/v1/me/reports/${week}`, { headers, data }),
    submit: (week: string) => page.request.post(`/api/v1/me/reports/${week}/submit`, { headers }),
  };
}

const contents = (page: Page) => page.getByTestId('item-content');
const saveState = (page: Page) => page.getByTestId('save-state');

async function member(baseURL: string | undefined): Promise<SeededPerson> {
  const dept = await seedDepartment(baseURL ?? test.info().project.use.baseURL ?? '', 1);
  return dept.members[0] as SeededPerson;
}

test('a member writes, autosaves, reloads mid-edit, submits and revises the week on a phone', async ({ page, baseURL }) => {
  const person = await member(baseURL);
  await signIn(page, person.username, person.password);
  const api = await pageApi(page);
  const { week } = await api.currentWeek();

  await page.goto('/my-week');
  await expect(page.getByTestId('week-current')).toHaveAttribute('data-week', week);
  await expect(page.getByTestId('week-next')).toBeDisabled();
  await expect(page.getByTestId('deadline-countdown')).toBeVisible();
  await expect(page.getByTestId('report-status')).toHaveAttribute('data-status', 'draft');
  await expect(saveState(page)).toHaveAttribute('data-state', 'saved');

  // This week's work, with an outcome.
  await page.getByTestId('item-add-work').click();
  await contents(page).nth(0).fill('完成 3 户企业跨区迁移办税辅导');
  await page.getByTestId('item-outcome').nth(0).fill('群众零投诉');
  await expect(saveState(page)).toHaveAttribute('data-state', 'dirty');
  await expect(saveState(page)).toHaveAttribute('data-state', 'saved');
  await expect(saveState(page)).toContainText('已保存');

  // Study and an internal plan item; then a reload right after typing, before the autosave fires.
  await page.getByTestId('item-add-study').click();
  await contents(page).nth(1).fill('学习新修订的增值税法');
  await page.getByTestId('item-add-plan').click();
  await page.getByTestId('item-restricted').nth(2).click();
  await contents(page).nth(2).fill('开展纳税人满意度回访');
  await page.reload();
  await expect(contents(page)).toHaveCount(3);
  await expect(contents(page).nth(1)).toHaveValue('学习新修订的增值税法');
  await expect(contents(page).nth(2)).toHaveValue('开展纳税人满意度回访');
  await expect(page.getByTestId('item-restricted').nth(2)).toHaveAttribute('aria-checked', 'true');
  await expect(saveState(page)).toHaveAttribute('data-state', 'saved');

  // A second work item moved to the top, the summary, and a reload once everything is saved.
  await page.getByTestId('item-add-work').click();
  await contents(page).nth(1).fill('整理 2026 年度征管档案');
  await page.getByTestId('item-up').nth(1).click();
  await page.getByTestId('report-summary').fill('本周以跨区迁移辅导为主。');
  await expect(saveState(page)).toHaveAttribute('data-state', 'saved');
  await page.reload();
  await expect(contents(page)).toHaveCount(4);
  await expect(contents(page).nth(0)).toHaveValue('整理 2026 年度征管档案');
  await expect(contents(page).nth(1)).toHaveValue('完成 3 户企业跨区迁移办税辅导');
  await expect(page.getByTestId('report-summary')).toHaveValue('本周以跨区迁移辅导为主。');
  await expect(page.getByTestId('local-restored')).toHaveCount(0);

  const draft = await api.report(week);
  expect(draft.status).toBe('draft');
  expect(draft.summary).toBe('本周以跨区迁移辅导为主。');
  expect(draft.items.map((i) => [i.kind, i.content])).toEqual([
    ['work', '整理 2026 年度征管档案'],
    ['work', '完成 3 户企业跨区迁移办税辅导'],
    ['study', '学习新修订的增值税法'],
    ['plan', '开展纳税人满意度回访'],
  ]);
  expect(draft.items[1]?.outcome).toBe('群众零投诉');
  expect(draft.items[3]?.visibility).toBe('restricted');

  // Submit, with a confirmation.
  await page.getByTestId('report-submit').click();
  await page.getByTestId('report-submit-confirm').click();
  await expect(page.getByTestId('report-status')).toHaveAttribute('data-status', 'submitted');
  await expect(page.getByTestId('report-submit')).toBeDisabled();
  const submitted = await api.report(week);
  expect(submitted.status).toBe('submitted');
  expect(submitted.items).toHaveLength(4);

  // Editing after submission saves a new version; both versions are readable in the drawer.
  await page.getByTestId('item-outcome').nth(0).fill('归档 120 卷');
  await expect(saveState(page)).toHaveAttribute('data-state', 'saved');
  await expect.poll(async () => (await api.report(week)).version).toBe(2);
  await page.getByTestId('versions-open').click();
  await expect(page.getByTestId('versions-list').locator('.ant-collapse-item')).toHaveCount(2);
  await expect(page.getByTestId('versions-list')).toContainText('归档 120 卷');
});

test("a member starts from last week's plan, loses nothing when the network or the server drops, and browses earlier weeks", async ({
  page,
  baseURL,
}) => {
  const person = await member(baseURL);
  await signIn(page, person.username, person.password);
  const api = await pageApi(page);
  const current = await api.currentWeek();
  const lastWeek = previousWeek(current.start);
  const seeded = await api.put(lastWeek, {
    items: [
      { kind: 'work', content: '上周的工作' },
      { kind: 'plan', content: '完成季度税源分析报告' },
      { kind: 'plan', content: '走访 5 户重点企业', visibility: 'restricted' },
    ],
  });
  expect(seeded.status(), await seeded.text()).toBe(200);
  expect((await api.submit(lastWeek)).status()).toBe(200);

  await page.goto('/my-week');
  await page.getByTestId('start-from-plan').click();
  await expect(contents(page)).toHaveCount(2);
  await expect(contents(page).nth(0)).toHaveValue('完成季度税源分析报告');
  await expect(contents(page).nth(1)).toHaveValue('走访 5 户重点企业');
  await expect(page.getByTestId('item-restricted').nth(1)).toHaveAttribute('aria-checked', 'true');
  await expect(saveState(page)).toHaveAttribute('data-state', 'saved');

  // An item removed by mistake comes back with Undo.
  await page.getByTestId('item-add-study').click();
  await contents(page).nth(2).fill('临时记录');
  await page.getByTestId('item-remove').nth(2).click();
  await expect(contents(page)).toHaveCount(2);
  await page.getByTestId('item-undo-remove').click();
  await expect(contents(page).nth(2)).toHaveValue('临时记录');
  await page.getByTestId('item-remove').nth(2).click();
  await expect(contents(page)).toHaveCount(2);

  // The network drops: the text stays on the device, and reaches the server when it is back.
  await page.context().setOffline(true);
  await page.getByTestId('item-outcome').nth(0).fill('报告已报送局领导');
  await expect(saveState(page)).toHaveAttribute('data-state', 'offline');
  await page.context().setOffline(false);
  await expect(saveState(page)).toHaveAttribute('data-state', 'saved');
  expect((await api.report(current.week)).items[0]?.outcome).toBe('报告已报送局领导');

  // This tab's saves all fail. The text stays on the device: the week opened afresh in another tab
  // brings it back and saves it. (A reload does the same, but the save a page sends while it unloads
  // slips past Playwright's routes now and then, so the server might already hold the text.)
  const failSaves = (route: Route) =>
    route.request().method() === 'PUT'
      ? route.fulfill({ status: 503, json: { error: { code: 'unavailable', message: 'down for maintenance' } } })
      : route.fallback();
  await page.route('**/api/v1/me/reports/**', failSaves);
  await page.getByTestId('report-summary').fill('服务器中断时写下的概述');
  await expect(saveState(page)).toHaveAttribute('data-state', 'error');
  const second = await page.context().newPage();
  await second.goto('/my-week');
  await expect(second.getByTestId('local-restored')).toBeVisible();
  await expect(second.getByTestId('report-summary')).toHaveValue('服务器中断时写下的概述');
  await expect(saveState(second)).toHaveAttribute('data-state', 'saved');
  expect((await api.report(current.week)).summary).toBe('服务器中断时写下的概述');

  // A local copy the user does not want is discarded: back to the server's text.
  await second.route('**/api/v1/me/reports/**', failSaves);
  await second.getByTestId('report-summary').fill('不要的草稿');
  await expect(saveState(second)).toHaveAttribute('data-state', 'error');
  const tab = await page.context().newPage();
  await tab.goto('/my-week');
  await expect(tab.getByTestId('report-summary')).toHaveValue('不要的草稿');
  await tab.getByTestId('local-discard').click();
  await expect(tab.getByTestId('report-summary')).toHaveValue('服务器中断时写下的概述');
  await expect(tab.getByTestId('local-restored')).toHaveCount(0);
  await expect(saveState(tab)).toHaveAttribute('data-state', 'saved');
  await tab.reload();
  await expect(tab.getByTestId('report-summary')).toHaveValue('服务器中断时写下的概述');
  await expect(tab.getByTestId('local-restored')).toHaveCount(0);
  expect((await api.report(current.week)).summary).toBe('服务器中断时写下的概述');

  // The server refuses a field: the error shows on that item, and goes once the text is changed.
  const refuse = (route: Route) =>
    route.request().method() === 'PUT'
      ? route.fulfill({
          status: 400,
          json: {
            error: {
              code: 'invalid_input',
              message: 'The request does not match the schema',
              details: [{ path: 'body.items.1.outcome', message: 'Too big' }],
            },
          },
        })
      : route.fallback();
  await tab.route('**/api/v1/me/reports/**', refuse);
  await tab.getByTestId('item-outcome').nth(1).fill('一段服务器不接受的成果');
  await expect(saveState(tab)).toHaveAttribute('data-state', 'error');
  await expect(tab.getByTestId('item-card').nth(1).getByTestId('item-error-outcome')).toBeVisible();
  await expect(tab.getByTestId('item-error-outcome')).toHaveCount(1);
  await tab.unroute('**/api/v1/me/reports/**', refuse);
  await tab.getByTestId('item-outcome').nth(1).fill('已走访 5 户');
  await expect(tab.getByTestId('item-error-outcome')).toHaveCount(0);
  await expect(saveState(tab)).toHaveAttribute('data-state', 'saved');
  expect((await api.report(current.week)).items[1]?.outcome).toBe('已走访 5 户');

  // Earlier weeks: last week is listed as submitted (late); the picker never goes past this week.
  const entry = tab.locator(`[data-testid="history-week"][data-week="${lastWeek}"]`);
  await expect(entry).toHaveAttribute('data-status', 'submitted');
  await entry.click();
  await expect(tab).toHaveURL(new RegExp(`/my-week/${lastWeek}$`));
  await expect(tab.getByTestId('week-current')).toHaveAttribute('data-week', lastWeek);
  await expect(tab.getByTestId('report-status')).toHaveAttribute('data-status', 'submitted');
  await expect(contents(tab)).toHaveCount(3);
  await tab.getByTestId('week-next').click();
  await expect(tab.getByTestId('week-current')).toHaveAttribute('data-week', current.week);
  await expect(tab.getByTestId('week-next')).toBeDisabled();
  await tab.getByTestId('week-prev').click();
  await expect(tab.getByTestId('week-current')).toHaveAttribute('data-week', lastWeek);
});
