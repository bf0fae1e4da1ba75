import crypto from 'node:crypto';
import { and, asc, eq, inArray, like, sql } from 'drizzle-orm';
import { recordAudit } from '../../server/audit';
import { pgErrorCode } from '../../server/db/client';
import { orgNodes } from '../../server/db/tree.table';
import { escapeLike } from '../../server/tree-scope';
import type { Ctx } from '../../server/types';
import { holdsRoleOver } from '../../shared/actor';
import { AppError, forbidden } from '../../shared/app-error';
import { LIMITS } from '../../shared/limits';
import { checkPassword } from '../../shared/password-rules';
import { nameSearchKeys } from '../../shared/pinyin';
import type { Role } from '../../shared/roles';
import { getNodeRow } from '../organisations';
import type { BulkAccount, BulkAccounts, BulkAccountsResult } from './account.contract';
import { roleAssignments, users } from './account.table';
import { hashPassword } from './password';
import { USER_ADMIN_ROLES } from './user.policy';

// Going live: an account for every town office and every centre in one action, instead of one
// by one. Each gets a username from a rule (the division code, or the name in pinyin), a one-time
// password shown once — on the handout sheet printed for the kick-off meeting — and must choose
// its own password at first sign-in. Towns and centres that already have their manager (an
// enabled account with the role there) are left alone, so the action can be repeated after new
// centres are added.

const MANAGER: Record<'town' | 'centre', Role> = { town: 'town_admin', centre: 'centre_manager' };
const SUFFIX: Record<'town' | 'centre', string> = { town: '社区教育办', centre: '学习中心' };
/** Letters and digits that cannot be misread on paper (no 0/O, 1/l/I). */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A one-time password as printed: two groups of four, e.g. k7Fm-Q3xp. */
export function oneTimePassword(): string {
  for (;;) {
    const pick = () => Array.from({ length: 4 }, () => ALPHABET[crypto.randomInt(ALPHABET.length)]).join('');
    const p = `${pick()}-${pick()}`;
    if (!checkPassword(p) && /\d/.test(p)) return p;
  }
}

/** The username a rule gives a node, before clashes are resolved. */
function baseUsername(node: { name: string; level: 'town' | 'centre'; divisionCode: string | null }, rule: string) {
  if (rule === 'code' && node.divisionCode)
    return node.level === 'town' ? node.divisionCode.slice(0, 9) : node.divisionCode;
  const pinyin = nameSearchKeys(node.name).pinyin.replace(/[^a-z0-9]/g, '');
  return (pinyin || 'centre').slice(0, LIMITS.username - 4).padEnd(LIMITS.usernameMin, '0');
}

export async function createBulkAccounts({
  db,
  actor,
  input,
}: Ctx & { input: BulkAccounts }): Promise<BulkAccountsResult> {
  const root = await getNodeRow(db, actor, input.nodeId);
  if (!holdsRoleOver(actor, USER_ADMIN_ROLES, root.path)) throw forbidden();
  if (root.level !== 'county' && root.level !== 'town')
    throw new AppError('INVALID_PARENT', {
      detail: '请选择县（区）或乡镇（街道）：为其下的乡镇和学习中心开通账号',
      detailEn: 'Choose a county or a town: accounts are made for the towns and centres under it',
    });

  const nodes = (
    await db
      .select({
        id: orgNodes.id,
        name: orgNodes.name,
        level: orgNodes.level,
        parentId: orgNodes.parentId,
        divisionCode: orgNodes.divisionCode,
        sortOrder: orgNodes.sortOrder,
      })
      .from(orgNodes)
      .where(and(like(orgNodes.path, `${escapeLike(root.path)}%`), inArray(orgNodes.level, ['town', 'centre'])))
      .orderBy(asc(orgNodes.sortOrder), asc(orgNodes.divisionCode), asc(orgNodes.name))
  ).map((n) => ({ ...n, level: n.level as 'town' | 'centre' }));
  // Town by town (as the handout is printed), each town before its centres, in the tree's order.
  const townRank = new Map(nodes.filter((n) => n.level === 'town').map((n, i) => [n.id, i]));
  const rank = (n: (typeof nodes)[number]) => townRank.get(n.level === 'town' ? n.id : (n.parentId ?? '')) ?? -1;
  nodes.sort((a, b) => rank(a) - rank(b) || (a.level === 'town' ? -1 : 0) - (b.level === 'town' ? -1 : 0));
  if (nodes.length === 0) return { accounts: [], skipped: 0 };
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const townOf = (n: (typeof nodes)[number]) =>
    n.level === 'town' ? n.name : (byId.get(n.parentId ?? '')?.name ?? root.name);

  const staffed = new Set(
    (
      await db
        .select({ nodeId: roleAssignments.nodeId, role: roleAssignments.role })
        .from(roleAssignments)
        .innerJoin(users, eq(users.id, roleAssignments.userId))
        .where(
          and(
            inArray(
              roleAssignments.nodeId,
              nodes.map((n) => n.id),
            ),
            inArray(roleAssignments.role, ['town_admin', 'centre_manager']),
            eq(users.disabled, false),
          ),
        )
    )
      .filter((r) => byId.get(r.nodeId) && MANAGER[byId.get(r.nodeId)!.level] === r.role)
      .map((r) => r.nodeId),
  );
  const wanted = nodes.filter((n) => !staffed.has(n.id));

  // Usernames: the rule's, with the code's last digits (or a number) added on a clash.
  const taken = new Set((await db.select({ u: sql<string>`lower(${users.username})` }).from(users)).map((r) => r.u));
  const accounts: BulkAccount[] = wanted.map((n) => {
    const base = baseUsername(n, input.rule);
    let username = base;
    for (let i = 2; taken.has(username.toLowerCase()); i++)
      username = `${base}${i === 2 && n.divisionCode ? n.divisionCode.slice(-3) : i}`.slice(0, LIMITS.username);
    taken.add(username.toLowerCase());
    return {
      nodeId: n.id,
      nodeName: n.name,
      level: n.level,
      townName: townOf(n),
      role: MANAGER[n.level],
      username,
      displayName: `${n.name}${n.name.endsWith(SUFFIX[n.level]) ? '' : SUFFIX[n.level]}`.slice(0, LIMITS.personName),
      password: oneTimePassword(),
    };
  });
  // Hashing takes a few milliseconds each: done before the transaction, which stays short.
  const hashes = await Promise.all(accounts.map((a) => hashPassword(a.password)));

  try {
    await db.transaction(async (tx) => {
      const rows = accounts.map((a, i) => ({
        id: crypto.randomUUID(),
        username: a.username,
        displayName: a.displayName,
        homeNodeId: a.nodeId,
        passwordHash: hashes[i],
        mustChangePassword: true,
      }));
      for (let i = 0; i < rows.length; i += 200) await tx.insert(users).values(rows.slice(i, i + 200));
      const grants = rows.map((r, i) => ({ userId: r.id, role: accounts[i].role, nodeId: accounts[i].nodeId }));
      for (let i = 0; i < grants.length; i += 300) await tx.insert(roleAssignments).values(grants.slice(i, i + 300));
      await recordAudit(tx, {
        actor,
        node: root,
        action: 'user.bulk_create',
        entityType: 'org_node',
        entityId: root.id,
        summary: {
          rule: input.rule,
          created: accounts.length,
          skipped: staffed.size,
          usernames: accounts.map((a) => a.username),
        },
      });
    });
  } catch (err) {
    if (pgErrorCode(err) === '23505')
      throw new AppError('CONFLICT', {
        detail: '有人同时在开通账号，用户名冲突，请重试',
        detailEn: 'someone created accounts at the same time and a username clashed; try again',
      });
    throw err;
  }
  return { accounts, skipped: staffed.size };
}
