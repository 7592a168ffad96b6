import type { TUser } from '@zhoubao/contracts';
import { describe, expect, it } from 'vitest';
import { canRecordAbsenceFor } from './absence-access';

const user = (id: string, departmentId: string | null, ...roles: TUser['roles']): TUser =>
  ({ id, departmentId, roles: ['member', ...roles] }) as TUser;

describe('canRecordAbsenceFor', () => {
  const person = user('p', 'd1');

  it('allows the person, an admin and the head of the same department', () => {
    expect(canRecordAbsenceFor(person, person)).toBe(true);
    expect(canRecordAbsenceFor(user('a', 'd9', 'admin'), person)).toBe(true);
    expect(canRecordAbsenceFor(user('h', 'd1', 'head'), person)).toBe(true);
  });

  it('refuses heads of other departments, leaders and colleagues', () => {
    expect(canRecordAbsenceFor(user('h', 'd2', 'head'), person)).toBe(false);
    expect(canRecordAbsenceFor(user('l', 'd1', 'leader', 'assessor'), person)).toBe(false);
    expect(canRecordAbsenceFor(user('c', 'd1'), person)).toBe(false);
    expect(canRecordAbsenceFor(user('h', null, 'head'), user('q', null))).toBe(false);
  });
});
