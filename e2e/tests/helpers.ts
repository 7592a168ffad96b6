import { expect, type Page } from '@playwright/test';

export const ADMIN = { username: 'admin', password: 'e2e-admin-pass' };

/** Signs in through the login page and waits for the app frame. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('user-menu')).toBeVisible();
}

/** Signs out through the user menu. */
export async function signOut(page: Page): Promise<void> {
  const item = page.getByTestId('user-menu-logout');
  // The menu animates open; a click that lands mid-animation is lost, so open and click again until signed out.
  await expect(async () => {
    if (!(await item.isVisible())) await page.getByTestId('user-menu').click();
    await item.click({ timeout: 2_000 });
    await expect(page.getByTestId('login-username')).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 20_000 });
}

/** Picks an option in an Ant Design (Tree)Select opened by clicking `trigger`. */
export async function pickOption(page: Page, trigger: ReturnType<Page['getByTestId']>, title: string): Promise<void> {
  // On a loaded machine a click can land while the dropdown is still opening; check the select shows the
  // choice and try again if it does not.
  await expect(async () => {
    if ((await page.locator('.ant-select-dropdown:visible').count()) === 0) await trigger.click();
    await page.locator('.ant-select-dropdown:visible').getByTitle(title, { exact: true }).first().click({ timeout: 3_000 });
    await expect(trigger).toContainText(title, { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
}
