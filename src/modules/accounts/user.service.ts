import { and, asc, eq, exists, ilike, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client';
import { pgErrorCode } from '../../server/db/client';
import { reachPaths, type Actor } from '../../shared/actor';
import { AppError, forbidden, hidden } from '../../shared/app-error';
import type { Page } from '../../shared/pagination';
import { ADMIN_ROLES, type Role } from '../../shared/roles';
import { auditChange, diffFields } from '../../server/audit';
import { escapeLike, underAnyPath } from '../../server/tree-scope';
import { orgNodes } from '../../server/db/tree.table';
import { readPage } from '../../server/db/page';
import { getNodeRow } from '../organisations';
import type { RoleAssignment, User, UserCreate, UserQuery, UserUpdate } from './account.contract';
import { roleAssignments, users } from './account.table';
import { assertPasswordRules } from './auth.service';
import { hashPassword } from './password';
import { endUserSessions, forgetCachedSessions, rolesOf } from './session.service';
import { canGrantRole, canManageUser, canReadUser } from './user.policy';
import type { Ctx } from '../../server/types';

export async function findUsers({ db, actor, query }: Ctx & { query: UserQuery }): Promise<Page<User>> {
  const conds = [underAnyPath(orgNodes.path, reachPaths(actor, ADMIN_ROLES))];
  if (query.nodeId) {
    const node = await getNodeRow(db, actor, query.nodeId);
    conds.push(underAnyPath(orgNodes.path, [node.path]));
  }
  if (query.q) {
    const q = `%${escapeLike(query.q)}%`;
    conds.push(or(ilike(users.username, q), ilike(users.displayName, q), ilike(users.phone, q))!);
  }
  if (query.disabled) conds.push(eq(users.disabled, query.disabled === 'true'));
  if (query.role) {
    conds.push(
      exists(
        db
          .select({ x: sql`1` })
          .from(roleAssignments)
          .where(and(eq(roleAssignments.userId, users.id), eq(roleAssignments.role, query.role))),
      ),
    );
  }
  const list = db
    .select({ u: users, homeNodeName: orgNodes.name, homePath: orgNodes.path })
    .from(users)
    .innerJoin(orgNodes, eq(orgNodes.id, users.homeNodeId))
    .where(and(...conds))
    .$dynamic();
  const { total, rows } = await readPage(db, list, [asc(orgNodes.path), asc(users.username)], query);
  return { items: await withRoles(db, actor, rows), total, page: query.page, pageSize: query.pageSize };
}

async function withRoles(
  db: DbOrTx,
  actor: Actor,
  rows: { u: typeof users.$inferSelect; homeNodeName: string; homePath: string }[],
): Promise<User[]> {
  const ids = rows.map((r) => r.u.id);
  const roles = await rolesOf(db, ids);
  return rows.map(({ u, homeNodeName, homePath }) => {
    const own = roles.filter((r) => r.userId === u.id);
    return {
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      phone: u.phone,
      homeNodeId: u.homeNodeId,
      homeNodeName,
      disabled: u.disabled,
      lockedUntil: u.lockedUntil && u.lockedUntil.getTime() > Date.now() ? u.lockedUntil.toISOString() : null,
      mustChangePassword: u.mustChangePassword,
      lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
      roles: own.map(({ id, role, nodeId, nodeName }) => ({ id, role, nodeId, nodeName })),
      canManage: canManageUser(actor, {
        homePath,
        rolePaths: own.map(({ role, path }) => ({ role, path })),
      }),
    };
  });
}

/** The account with what the policies need: home path and the paths of its roles. */
async function loadUser(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await db
    .select({ u: users, homeNodeName: orgNodes.name, homePath: orgNodes.path })
    .from(users)
    .innerJoin(orgNodes, eq(orgNodes.id, users.homeNodeId))
    .where(eq(users.id, id));
  if (!row || !canReadUser(actor, { homePath: row.homePath })) throw hidden();
  const rolePaths = (await rolesOf(db, [id])).map(({ role, path }) => ({ role, path }));
  const target = { homePath: row.homePath, rolePaths };
  return { row, target, canManage: canManageUser(actor, target) };
}

export async function getUser({ db, actor, id }: Ctx & { id: string }): Promise<User> {
  const { row } = await loadUser(db, actor, id);
  return (await withRoles(db, actor, [row]))[0];
}

function duplicate(err: unknown): never {
  if (pgErrorCode(err) === '23505') {
    const msg = String((err as { cause?: { constraint?: string } }).cause?.constraint ?? '');
    if (msg.includes('phone'))
      throw new AppError(
        'DUPLICATE',
        { field: '手机号', fieldEn: 'phone number' },
        {
          issues: [
            {
              path: 'phone',
              message: '手机号已被其他账号使用',
              messageEn: 'This phone number is used by another account',
            },
          ],
        },
      );
    throw new AppError(
      'DUPLICATE',
      { field: '用户名', fieldEn: 'username' },
      { issues: [{ path: 'username', message: '用户名已被使用', messageEn: 'This username is taken' }] },
    );
  }
  throw err;
}

export async function createUser({ db, actor, input }: Ctx & { input: UserCreate }): Promise<{ id: string }> {
  assertPasswordRules(input.password, input.username, 'password');
  const passwordHash = await hashPassword(input.password);
  return db
    .transaction(async (tx) => {
      const home = await getNodeRow(tx, actor, input.homeNodeId);
      if (!canReadUser(actor, { homePath: home.path })) throw forbidden();
      const id = crypto.randomUUID();
      await tx.insert(users).values({
        id,
        username: input.username,
        displayName: input.displayName,
        phone: input.phone,
        homeNodeId: home.id,
        passwordHash,
        mustChangePassword: true,
      });
      await auditChange(tx, actor, home, 'user.create', ['user', id], {
        username: input.username,
        displayName: input.displayName,
        homeNode: home.name,
      });
      for (const r of input.roles) await grant(tx, actor, id, r);
      return { id };
    })
    .catch(duplicate);
}

export async function updateUser({ db, actor, id, input }: Ctx & { id: string; input: UserUpdate }): Promise<void> {
  await db
    .transaction(async (tx) => {
      const { row, canManage } = await loadUser(tx, actor, id);
      if (!canManage) throw forbidden();
      if (id === actor.userId && input.disabled)
        throw new AppError('CONFLICT', {
          detail: '不能停用自己的账号',
          detailEn: 'you cannot disable your own account',
        });
      const home = await getNodeRow(tx, actor, input.homeNodeId);
      if (!canReadUser(actor, { homePath: home.path })) throw forbidden();
      await tx
        .update(users)
        .set({ ...input, updatedAt: new Date() })
        .where(eq(users.id, id));
      if (input.disabled && !row.u.disabled) await endUserSessions(tx, id);
      await auditChange(
        tx,
        actor,
        home,
        input.disabled !== row.u.disabled ? (input.disabled ? 'user.disable' : 'user.enable') : 'user.update',
        ['user', id],
        diffFields(row.u as Record<string, unknown>, input),
      );
    })
    .catch(duplicate)
    .finally(() => forgetCachedSessions(id));
}

/** An admin sets a new password; the user must change it at next sign-in, and is signed out now. */
export async function resetPassword({
  db,
  actor,
  id,
  password,
}: Ctx & { id: string; password: string }): Promise<void> {
  const { row, canManage } = await loadUser(db, actor, id);
  if (!canManage) throw forbidden();
  assertPasswordRules(password, row.u.username, 'password');
  const passwordHash = await hashPassword(password);
  await db
    .transaction(async (tx) => {
      await tx
        .update(users)
        .set({
          passwordHash,
          mustChangePassword: true,
          passwordChangedAt: new Date(),
          failedLogins: 0,
          lockedUntil: null,
          updatedAt: new Date(),
        })
        .where(eq(users.id, id));
      await endUserSessions(tx, id);
      await auditChange(tx, actor, { id: row.u.homeNodeId, path: row.homePath }, 'user.password_reset', ['user', id], {
        username: row.u.username,
      });
    })
    .finally(() => forgetCachedSessions(id));
}

async function grant(tx: DbOrTx, actor: Actor, userId: string, r: RoleAssignment): Promise<string> {
  const node = await getNodeRow(tx, actor, r.nodeId);
  if (!canGrantRole(actor, r.role, node.path)) throw forbidden();
  const [row] = await tx
    .insert(roleAssignments)
    .values({ userId, role: r.role, nodeId: r.nodeId })
    .onConflictDoNothing()
    .returning({ id: roleAssignments.id });
  if (!row)
    throw new AppError('CONFLICT', { detail: '该用户已有此角色', detailEn: 'the user already holds this role' });
  await auditChange(tx, actor, node, 'user.role.grant', ['user', userId], { role: r.role, node: node.name });
  return row.id;
}

export async function addRole({
  db,
  actor,
  userId,
  input,
}: Ctx & { userId: string; input: RoleAssignment }): Promise<{ id: string }> {
  return db
    .transaction(async (tx) => {
      const { canManage } = await loadUser(tx, actor, userId);
      if (!canManage) throw forbidden();
      return { id: await grant(tx, actor, userId, input) };
    })
    .finally(() => forgetCachedSessions(userId));
}

export async function removeRole({
  db,
  actor,
  userId,
  assignmentId,
}: Ctx & { userId: string; assignmentId: string }): Promise<void> {
  await db
    .transaction(async (tx) => {
      const { canManage } = await loadUser(tx, actor, userId);
      if (!canManage) throw forbidden();
      const [a] = await tx
        .select({ a: roleAssignments, path: orgNodes.path, nodeName: orgNodes.name })
        .from(roleAssignments)
        .innerJoin(orgNodes, eq(orgNodes.id, roleAssignments.nodeId))
        .where(and(eq(roleAssignments.id, assignmentId), eq(roleAssignments.userId, userId)));
      if (!a) throw hidden();
      if (!canGrantRole(actor, a.a.role as Role, a.path)) throw forbidden();
      await tx.delete(roleAssignments).where(eq(roleAssignments.id, assignmentId));
      await auditChange(tx, actor, { id: a.a.nodeId, path: a.path }, 'user.role.revoke', ['user', userId], {
        role: a.a.role,
        node: a.nodeName,
      });
    })
    .finally(() => forgetCachedSessions(userId));
}
