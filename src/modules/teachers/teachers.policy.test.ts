import { describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/actor';
import type { Role } from '../../shared/roles';
import { ancestorPaths, canKeepBank, canLinkUser, canReadBank, canSeePhone } from './teachers.policy';

const actor = (role: Role, path: string): Actor => ({
  userId: 'u',
  username: 'u',
  displayName: 'u',
  scopes: [{ role, nodeId: 'n', nodeName: 'n', path }],
});
const county = { path: '/c/' };
const town = { path: '/c/t/' };
const village = { path: '/c/t/v/' };
const sibling = { path: '/c/t/w/' };
const otherTown = { path: '/c/s/' };

describe('teacher bank rules', () => {
  it('lists the paths at and above each scope', () => {
    expect(ancestorPaths(actor('centre_manager', '/c/t/v/')).sort()).toEqual(['/c/', '/c/t/', '/c/t/v/']);
  });

  it('a centre manager reads the town bank and their own, keeps only their own', () => {
    const cm = actor('centre_manager', village.path);
    expect([
      canReadBank(cm, town),
      canReadBank(cm, village),
      canReadBank(cm, sibling),
      canReadBank(cm, otherTown),
    ]).toEqual([true, true, false, false]);
    expect([canKeepBank(cm, town), canKeepBank(cm, village)]).toEqual([false, true]);
    expect(canSeePhone(cm, town)).toBe(true);
    expect(canLinkUser(cm, village, null)).toBe(false);
  });

  it('a town admin keeps the town and its centres, not a sibling town; a leader reads but sees masked phones', () => {
    const ta = actor('town_admin', town.path);
    expect([
      canKeepBank(ta, town),
      canKeepBank(ta, village),
      canKeepBank(ta, otherTown),
      canKeepBank(ta, county),
    ]).toEqual([true, true, false, false]);
    expect(canLinkUser(ta, village, { path: '/c/t/v/' })).toBe(true);
    expect(canLinkUser(ta, village, { path: '/c/s/' })).toBe(false);
    const leader = actor('leader', village.path);
    expect(canReadBank(leader, town)).toBe(true);
    expect(canSeePhone(leader, town)).toBe(false);
  });
});
