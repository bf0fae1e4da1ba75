import { describe, expect, it } from 'vitest';
import { USERNAME_PATTERN, ZUserCreate } from './account.contract';

// The username rule is declared once: the server's schema and the forms' pattern agree.
describe('the username rule', () => {
  const cases: [string, boolean][] = [
    ['li.wei-2_x', true],
    ['abc', true],
    ['a'.repeat(32), true],
    ['ab', false],
    ['a'.repeat(33), false],
    ['li wei', false],
    ['李伟', false],
  ];
  it.each(cases)('%s → %s, on the server and in the form alike', (username, ok) => {
    const server = ZUserCreate.shape.username.safeParse(username).success;
    expect([server, USERNAME_PATTERN.test(username)]).toEqual([ok, ok]);
  });
});
