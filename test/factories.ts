import { roleAssignments, users } from '../src/modules/accounts/account.table';
import { hashPassword } from '../src/modules/accounts/password';
import { orgNodes } from '../src/server/db/tree.table';
import { forgetTreeCache } from '../src/modules/organisations/org.service';
import type { Database } from '../src/server/db/client';
import type { Role } from '../src/shared/roles';

export const TEST_PASSWORD = 'Test-pass-2026';

/** A tree node as the factories hand it out. */
export type NodeRef = { id: string; path: string; depth: number; name: string };
let hashed: Promise<string> | null = null;

/** Inserts a node directly (no audit), for setting up tests. */
export async function buildNode(
  database: Database,
  parent: NodeRef | null,
  v: { name: string; level: string; unitKind?: string },
): Promise<NodeRef> {
  const id = crypto.randomUUID();
  const path = `${parent?.path ?? '/'}${id}/`;
  const depth = (parent?.depth ?? -1) + 1;
  await database.db.insert(orgNodes).values({
    id,
    parentId: parent?.id ?? null,
    path,
    depth,
    level: v.level,
    unitKind: v.unitKind ?? null,
    name: v.name,
  });
  forgetTreeCache(database.db);
  return { id, path, depth, name: v.name };
}

/** Inserts a user living at `node` with one role (on `roleNode`, default the same node); password TEST_PASSWORD. */
export async function buildUser(
  database: Database,
  v: { username: string; role: Role; node: NodeRef; displayName?: string; roleNode?: NodeRef },
): Promise<{ id: string; username: string }> {
  hashed ??= hashPassword(TEST_PASSWORD);
  const id = crypto.randomUUID();
  await database.db.insert(users).values({
    id,
    username: v.username,
    displayName: v.displayName ?? v.username,
    homeNodeId: v.node.id,
    passwordHash: await hashed,
  });
  await database.db.insert(roleAssignments).values({ userId: id, role: v.role, nodeId: (v.roleNode ?? v.node).id });
  return { id, username: v.username };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;

/**
 * Two counties × two towns × two villages, a unit under each town, and one user per role
 * in county "A" (the actors of the cross-tree matrix) and a mirror set in county "B".
 */
export async function buildWorld(database: Database) {
  const nodes: Record<string, NodeRef> = {};
  for (const c of ['A', 'B']) {
    const county = (nodes[c] = await buildNode(database, null, { name: `县${c}`, level: 'county' }));
    for (const t of ['1', '2']) {
      const town = (nodes[`${c}${t}`] = await buildNode(database, county, { name: `县${c}镇${t}`, level: 'town' }));
      nodes[`${c}${t}u`] = await buildNode(database, town, {
        name: `县${c}镇${t}部门`,
        level: 'unit',
        unitKind: 'lead_dept',
      });
      for (const v of ['a', 'b']) {
        nodes[`${c}${t}${v}`] = await buildNode(database, town, { name: `县${c}镇${t}村${v}`, level: 'centre' });
      }
    }
  }
  const roleHomes: [Role, string][] = [
    ['county_admin', ''],
    ['town_admin', '1'],
    ['centre_manager', '1a'],
    ['dept_coordinator', '1u'],
    ['teacher', '1a'],
    ['inspector', '1'],
    ['leader', '1'],
  ];
  const usersByKey: Record<string, { id: string; username: string; role: Role; home: string }> = {};
  for (const c of ['A', 'B']) {
    for (const [role, suffix] of roleHomes) {
      const key = `${c}:${role}`;
      const u = await buildUser(database, {
        username: `${c.toLowerCase()}_${role}`,
        role,
        node: nodes[`${c}${suffix}`],
      });
      usersByKey[key] = { ...u, role, home: `${c}${suffix}` };
    }
  }
  const sysadmin = await buildUser(database, { username: 'sysadmin', role: 'system_admin', node: nodes.A });
  return { nodes, users: usersByKey, sysadmin, roles: roleHomes };
}
