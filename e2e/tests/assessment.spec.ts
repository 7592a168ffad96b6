import { type APIRequestContext, expect, type Locator, type Page, request as playwrightRequest, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { pickOption, signIn } from './helpers';
import { adminApi, type SeededPerson } from './seed';

interface Seeded {
  department: { id: string; name: string };
  assessor: SeededPerson;
  /** One work item and a five-star peer rating. */
  rated: SeededPerson;
  /** Three work items, no rating. */
  busy: SeededPerson;
}

/** Signs the person in through the API and returns the session with its CSRF header. */
async function session(
  baseURL: string,
  person: SeededPerson,
): Promise<{ api: APIRequestContext; headers: Record<string, string> }> {
  const api = await playwrightRequest.newContext({ baseURL });
  const login = await api.post('/api/v1/auth/login', { data: { username: person.username, password: person.password } });
  expect(login.status()).toBe(200);
  return { api, headers: { 'x-csrf-token': (await login.json()).csrfToken as string } };
}

/** Saves and submits this week's report with the given work items; returns its id. */
async function submit(baseURL: string, person: SeededPerson, contents: string[]): Promise<string> {
  const { api, headers } = await session(baseURL, person);
  try {
    const week = (await (await api.get('/api/v1/weeks/current')).json()).week as string;
    const items = contents.map((content) => ({ kind: 'work', content }));
    const saved = await api.put(`/api/v1/me/reports/${week}`, { headers, data: { summary: '', items } });
    expect(saved.status(), await saved.text()).toBe(200);
    const submitted = await api.post(`/api/v1/me/reports/${week}/submit`, { headers });
    expect(submitted.status(), await submitted.text()).toBe(200);
    return (await submitted.json()).id as string;
  } finally {
    await api.dispose();
  }
}

/**
 * Through the API: a department with two members whose reports of this week differ (one with a single
 * item and a five-star peer rating, one with three items), and an assessor. Names are unique to the call.
 */
async function seed(baseURL: string): Promise<Seeded> {
  const { api, csrf } = await adminApi(baseURL);
  const headers = { 'x-csrf-token': csrf };
  const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
  const dept = await api.post('/api/v1/departments', { headers, data: { name: `考评科${tag}` } });
  expect(dept.status()).toBe(201);
  const department = (await dept.json()) as { id: string; name: string };
  const user = async (username: string, displayName: string, roles: string[] = []): Promise<SeededPerson> => {
    const password = 'pass-word-1';
    const res = await api.post('/api/v1/users', {
      headers,
      data: { username, displayName, password, departmentId: department.id, roles },
    });
    expect(res.status(), await res.text()).toBe(201);
    return { id: (await res.json()).id as string, username, password, displayName };
  };
  const assessor = await user(`as${tag}`, `考核员${tag}`, ['assessor']);
  const rated = await user(`ra${tag}`, `周甲${tag}`);
  const busy = await user(`bu${tag}`, `吴乙${tag}`);
  await api.dispose();

  const ratedReport = await submit(baseURL, rated, ['完成月度申报数据核对']);
  await submit(baseURL, busy, ['办理跨区迁移 12 户', '整理留抵退税台账', '答复纳税人咨询 30 次']);
  const { api: peer, headers: peerHeaders } = await session(baseURL, busy);
  const rating = await peer.put(`/api/v1/reports/${ratedReport}/rating`, { headers: peerHeaders, data: { score: 5 } });
  expect(rating.status(), await rating.text()).toBe(204);
  await peer.dispose();
  return { department, assessor, rated, busy };
}

const scoreRow = (page: Page, person: SeededPerson): Locator =>
  page.locator(`[data-testid="score-row"][data-user-id="${person.id}"]`);
const snapshotRow = (page: Page, person: SeededPerson): Locator =>
  page.locator(`[data-testid="snapshot-score-row"][data-user-id="${person.id}"]`);
const numberAttr = async (row: Locator, name: string): Promise<number> => Number(await row.getAttribute(name));

/** Takes a snapshot of the page's period from the Assessment page; lands on the snapshot page. */
async function takeSnapshot(page: Page, name: string): Promise<string> {
  await page.getByTestId('snapshot-take').click();
  await page.getByTestId('snapshot-name').fill(name);
  await page.getByTestId('snapshot-take-confirm').click();
  await expect(page).toHaveURL(/\/assessment\/snapshots\/[^/?]+/);
  await expect(page.getByTestId('snapshot-name-title')).toHaveText(name);
  return page.getByTestId('snapshot-page').getAttribute('data-snapshot-id') as Promise<string>;
}

/** The cells of the first worksheet's row naming `displayName`, and the column of the header cell `header`. */
async function workbookRow(file: string, displayName: string, headers: string[]): Promise<{ row: unknown[]; column: number }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0];
  expect(sheet).toBeDefined();
  const rows: unknown[][] = [];
  sheet?.eachRow((r) => {
    rows.push(Array.isArray(r.values) ? r.values : []);
  });
  const header = rows.find((r) => r.some((v) => headers.includes(String(v))));
  const column = header?.findIndex((v) => headers.includes(String(v))) ?? -1;
  const row = rows.find((r) => r.includes(displayName));
  expect(column, 'a total column in the workbook').toBeGreaterThan(0);
  expect(row, `a row for ${displayName} in the workbook`).toBeDefined();
  return { row: row ?? [], column };
}

test('the assessor changes a rule, sees the ranking move, snapshots, exports, and the earlier snapshot stays', async ({
  page,
  baseURL,
}) => {
  // About forty steps through four pages: on a busy two-core machine this journey alone can take a minute.
  test.setTimeout(180_000);
  const s = await seed(baseURL as string);
  await signIn(page, s.assessor.username, s.assessor.password);
  await page.getByTestId('nav-assessment').click();
  await pickOption(page, page.getByTestId('scores-department'), s.department.name);
  await expect(page.getByTestId('score-charts')).toBeVisible();

  // Under the rules in force the rated member leads: the peer rating outweighs two more items.
  const weight = page.getByTestId('rule-peerRatingWeight');
  const ratingWeight = Number(await weight.inputValue());
  expect(ratingWeight).toBeGreaterThan(1);
  await expect(scoreRow(page, s.rated)).toBeVisible();
  const ratedBefore = await numberAttr(scoreRow(page, s.rated), 'data-total');
  const busyBefore = await numberAttr(scoreRow(page, s.busy), 'data-total');
  expect(ratedBefore).toBeGreaterThan(busyBefore);
  expect(await numberAttr(scoreRow(page, s.rated), 'data-rank')).toBeLessThan(
    await numberAttr(scoreRow(page, s.busy), 'data-rank'),
  );

  // The snapshot taken now freezes that order.
  const before = await takeSnapshot(page, `改规则前 ${s.department.name}`);
  await expect(page.getByTestId('snapshot-frozen')).toBeVisible();
  const beforeRules = await page.getByTestId('snapshot-rules-version').textContent();
  await pickOption(page, page.getByTestId('snapshot-department'), s.department.name);
  await expect(snapshotRow(page, s.rated)).toHaveAttribute('data-total', String(ratedBefore));
  await page.getByTestId('snapshot-back').click();

  // Peer ratings stop counting: the three-item report moves ahead.
  await pickOption(page, page.getByTestId('scores-department'), s.department.name);
  await weight.fill('0');
  await page.getByTestId('rules-save').click();
  const ratedAfter = ratedBefore - ratingWeight * 2;
  await expect(scoreRow(page, s.rated)).toHaveAttribute('data-total', String(ratedAfter));
  await expect(scoreRow(page, s.busy)).toHaveAttribute('data-total', String(busyBefore));
  expect(ratedAfter).toBeLessThan(busyBefore);
  // The totals and the ranks re-render from one refetch; poll so the two rows are read together.
  await expect
    .poll(
      async () =>
        (await numberAttr(scoreRow(page, s.busy), 'data-rank')) - (await numberAttr(scoreRow(page, s.rated), 'data-rank')),
    )
    .toBeLessThan(0);

  // A new snapshot under the new rules version; mark a candidate, export, lock.
  const after = await takeSnapshot(page, `改规则后 ${s.department.name}`);
  expect(after).not.toBe(before);
  await expect(page.getByTestId('snapshot-rules-version')).not.toHaveText(beforeRules ?? '');
  await pickOption(page, page.getByTestId('snapshot-department'), s.department.name);
  const busyRow = snapshotRow(page, s.busy);
  await expect(busyRow).toHaveAttribute('data-total', String(busyBefore));
  await expect(snapshotRow(page, s.rated)).toHaveAttribute('data-total', String(ratedAfter));
  await expect(busyRow).toHaveAttribute('data-suggested', 'true');
  await busyRow.getByTestId('candidate-mark').click();
  await page.getByTestId('candidate-note').fill('全年按时提交，工作量大');
  await page.getByTestId('candidate-mark-confirm').click();
  await expect(busyRow).toHaveAttribute('data-marked', 'true');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('snapshot-export').click()]);
  const file = test.info().outputPath('snapshot.xlsx');
  await download.saveAs(file);
  const busyCells = await workbookRow(file, s.busy.displayName, ['总分', 'Total']);
  expect(busyCells.row[busyCells.column]).toBe(busyBefore);
  const ratedCells = await workbookRow(file, s.rated.displayName, ['总分', 'Total']);
  expect(ratedCells.row[ratedCells.column]).toBe(ratedAfter);

  await page.getByTestId('snapshot-lock').click();
  await page.getByTestId('snapshot-lock-confirm').click();
  await expect(page.getByTestId('snapshot-page')).toHaveAttribute('data-locked', 'true');
  await expect(page.getByTestId('snapshot-lock')).toHaveCount(0);
  await expect(busyRow.getByTestId('candidate-unmark')).toHaveCount(0);
  await expect(busyRow).toHaveAttribute('data-marked', 'true');

  // The earlier snapshot still shows the order and totals it froze, under the rules of its time.
  await page.getByTestId('snapshot-back').click();
  await page.locator(`[data-testid="snapshot-row"][data-snapshot-id="${before}"]`).getByTestId('snapshot-link').click();
  await expect(page).toHaveURL(new RegExp(`/assessment/snapshots/${before}`));
  await expect(page.getByTestId('snapshot-rules-version')).toHaveText(beforeRules ?? '');
  await pickOption(page, page.getByTestId('snapshot-department'), s.department.name);
  await expect(snapshotRow(page, s.rated)).toHaveAttribute('data-total', String(ratedBefore));
  await expect(snapshotRow(page, s.busy)).toHaveAttribute('data-total', String(busyBefore));
  expect(await numberAttr(snapshotRow(page, s.rated), 'data-rank')).toBeLessThan(
    await numberAttr(snapshotRow(page, s.busy), 'data-rank'),
  );
  await expect(page.getByTestId('snapshot-page')).toHaveAttribute('data-locked', 'false');
});
