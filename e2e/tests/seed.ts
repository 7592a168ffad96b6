import { type APIRequestContext, expect, request as playwrightRequest } from '@playwright/test';
import { ADMIN } from './helpers';

export interface SeededPerson {
  id: string;
  username: string;
  password: string;
  displayName: string;
}

export interface SeededDepartment {
  id: string;
  name: string;
  head: SeededPerson;
  members: SeededPerson[];
  /** A member of another department (a colleague who reads the wall). */
  outsider: SeededPerson;
}

/** An API session as the bootstrap admin (cookie and CSRF token), for seeding through the public API. */
export async function adminApi(baseURL: string): Promise<{ api: APIRequestContext; csrf: string }> {
  const api = await playwrightRequest.newContext({ baseURL });
  const res = await api.post('/api/v1/auth/login', { data: ADMIN });
  expect(res.status()).toBe(200);
  return { api, csrf: (await res.json()).csrfToken as string };
}

/**
 * Creates, through the API, a department with a head and `memberCount` members, plus another
 * department with one member; every name is unique to this call. Password: `pass-word-1`.
 */
export async function seedDepartment(baseURL: string, memberCount = 2): Promise<SeededDepartment> {
  const { api, csrf } = await adminApi(baseURL);
  const headers = { 'x-csrf-token': csrf };
  const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
  const makeDept = async (name: string) => {
    const res = await api.post('/api/v1/departments', { headers, data: { name } });
    expect(res.status()).toBe(201);
    return (await res.json()) as { id: string; name: string };
  };
  const makeUser = async (departmentId: string, username: string, displayName: string, roles: string[] = []) => {
    const password = 'pass-word-1';
    const res = await api.post('/api/v1/users', { headers, data: { username, displayName, password, departmentId, roles } });
    expect(res.status(), await res.text()).toBe(201);
    return { id: (await res.json()).id as string, username, password, displayName };
  };
  const dept = await makeDept(`纳税服务科${tag}`);
  const other = await makeDept(`办公室${tag}`);
  const head = await makeUser(dept.id, `head${tag}`, '王科长', ['head']);
  const names = ['张伟', '李娜', '刘洋', '陈静', '杨帆'];
  const members: SeededPerson[] = [];
  for (let i = 0; i < memberCount; i++) members.push(await makeUser(dept.id, `m${i}${tag}`, names[i % names.length] as string));
  const outsider = await makeUser(other.id, `out${tag}`, '赵敏');
  await api.dispose();
  return { id: dept.id, name: dept.name, head, members, outsider };
}
