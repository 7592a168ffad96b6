import { expect, test } from '@playwright/test';
import { ADMIN, pickOption, signIn, signOut } from './helpers';

test('admin creates a department and a user, who signs in and uses the app in Chinese and English', async ({ page }) => {
  const dept = `征管科${Date.now() % 100000}`;
  const username = `e2e${Date.now() % 1000000}`;

  await signIn(page, ADMIN.username, ADMIN.password);
  // Chinese is the default language.
  await expect(page.getByTestId('nav-admin')).toContainText('系统管理');

  await page.goto('/admin/departments');
  await page.getByTestId('dept-create-root').click();
  await page.getByTestId('dept-name').fill(dept);
  await page.getByTestId('dept-form-submit').click();
  await expect(page.locator(`[data-dept-name="${dept}"]`)).toBeVisible();

  await page.goto('/admin/users');
  await page.getByTestId('user-create').click();
  await page.getByTestId('user-form-username').fill(username);
  await page.getByTestId('user-form-display-name').fill('李娜');
  await page.getByTestId('user-form-password').fill('member-pass-1');
  await pickOption(page, page.getByTestId('user-form-department'), dept);
  await page.getByTestId('user-form-submit').click();
  await expect(page.getByTestId('user-row').filter({ hasText: username })).toBeVisible();

  await signOut(page);
  await signIn(page, username, 'member-pass-1');
  await expect(page.getByTestId('nav-my-week')).toContainText('我的周报');
  await expect(page.getByTestId('nav-wall')).toContainText('晾晒台');
  // A member sees no admin navigation, and the admin pages refuse them.
  await expect(page.getByTestId('nav-admin')).toHaveCount(0);
  await page.goto('/admin/users');
  await expect(page.getByTestId('result-forbidden')).toBeVisible();

  await page.getByTestId('lang-switch').first().click();
  await expect(page.getByTestId('nav-my-week')).toContainText('My week');
  await expect(page.getByTestId('nav-wall')).toContainText('Wall');
  // The choice is remembered across a reload.
  await page.reload();
  await expect(page.getByTestId('nav-my-week')).toContainText('My week');
});
