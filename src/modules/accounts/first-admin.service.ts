import crypto from 'node:crypto';
import { count, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import { AppError, fieldError } from '../../shared/app-error';
import { recordAudit } from '../../server/audit';
import { createRootCounty, findFirstCounty, forgetTreeCache } from '../organisations';
import { roleAssignments, users } from './account.table';
import { assertPasswordRules } from './auth.service';
import { hashPassword } from './password';

/** What the first-run page needs to know: whether any account exists, and whether a county does. */
export async function setupState(db: Db): Promise<{ needed: boolean; hasCounty: boolean }> {
  const [{ n }] = await db.select({ n: count() }).from(users);
  return { needed: Number(n) === 0, hasCounty: !!(await findFirstCounty(db)) };
}

export type SystemAdminInput = {
  username: string;
  displayName: string;
  password: string;
  /** Names the county (the tree's root) when the database has none yet. */
  countyName?: string;
  /** 'first-run': only while no account exists (the web page); 'command': npm run admin:create. */
  via: 'first-run' | 'command';
  ip?: string;
};

/**
 * Creates a system admin with the password the operator chose, homed on the first county
 * (created when the tree is empty). The first-run page may do it only while there is no
 * account at all: two such requests are serialised by an advisory lock, and the second
 * finds the first one's account and is refused. Audited.
 */
export async function createSystemAdmin(
  db: Db,
  input: SystemAdminInput,
): Promise<{ id: string; countyId: string; countyCreated: boolean }> {
  assertPasswordRules(input.password, input.username, 'password');
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('cedu.first-admin'))`);
      const [{ n }] = await tx.select({ n: count() }).from(users);
      if (input.via === 'first-run' && Number(n) > 0) {
        throw new AppError('CONFLICT', {
          detail: '系统已有账号，首次设置已关闭，请直接登录',
          detailEn: 'the system already has accounts, so first-run setup is closed; please sign in',
        });
      }
      const [taken] = await tx
        .select({ id: users.id })
        .from(users)
        .where(sql`lower(${users.username}) = lower(${input.username})`);
      if (taken) throw fieldError('username', '用户名已被使用', 'This username is taken');

      let county = await findFirstCounty(tx);
      const countyCreated = !county;
      if (!county) {
        const name = input.countyName?.trim();
        if (!name)
          throw fieldError(
            'countyName',
            '系统中还没有县（区），请填写县（区）名称',
            'There is no county yet; enter the county’s name',
          );
        county = await createRootCounty(tx, { name, ip: input.ip, via: input.via });
      }
      const id = crypto.randomUUID();
      await tx
        .insert(users)
        .values({ id, username: input.username, displayName: input.displayName, homeNodeId: county.id, passwordHash });
      await tx.insert(roleAssignments).values({ userId: id, role: 'system_admin', nodeId: county.id });
      await recordAudit(tx, {
        actorName: 'system',
        ip: input.ip,
        node: county,
        action: 'user.create',
        entityType: 'user',
        entityId: id,
        summary: {
          username: input.username,
          displayName: input.displayName,
          homeNode: county.name,
          role: 'system_admin',
          via: input.via,
        },
      });
      return { id, countyId: county.id, countyCreated };
    });
  } finally {
    forgetTreeCache(db);
  }
}

/**
 * The code the first-run page asks for, printed in the server's start banner: whoever reads
 * the server's output (the operator) may create the first admin, not whoever reaches the page
 * first. Derived from the secret key, so every node of one installation prints the same code.
 */
export function firstRunCode(protector: { digest(plain: string): string }): string {
  const hex = protector.digest('cedu.first-run-code').slice(0, 12).toUpperCase();
  return `${hex.slice(0, 4)}-${hex.slice(4, 8)}-${hex.slice(8)}`;
}

/** Compares a typed code with the real one, ignoring case, spaces and dashes. */
export function firstRunCodeMatches(typed: string, code: string): boolean {
  const norm = (s: string) => s.replace(/[\s-]/g, '').toUpperCase();
  const a = Buffer.from(norm(typed));
  const b = Buffer.from(norm(code));
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}
