import { expect } from 'vitest';
import { eq } from 'drizzle-orm';
import { orgNodes } from '../../src/modules/organisations/org.table';
import type { Role } from '../../src/shared/roles';
import type { World } from '../factories';
import type { Client, TestServer } from '../server';

/** What each matrix check gets: a signed-in actor of county A, the world, and helpers. */
export type MatrixCtx = {
  c: Client;
  role: Role;
  /** Key of the actor's home node in world.nodes (e.g. "A1" for town 1 of county A). */
  home: string;
  userId: string;
  s: TestServer;
  w: World;
};

/** One entry per route ("METHOD /url" as registered): public, self-only, or a check. */
export type MatrixEntry = 'public' | 'self' | ((x: MatrixCtx) => Promise<void>);
export type Matrix = Record<string, MatrixEntry>;

export const DENIED = [403, 404];

export async function expectDenied(p: Promise<{ statusCode: number; body: string }>): Promise<void> {
  const r = await p;
  expect(DENIED, `${r.statusCode} ${r.body.slice(0, 300)}`).toContain(r.statusCode);
}

/** Nodes outside the actor's home subtree (ancestors, siblings, the other county). */
export function foreignNodes(x: Pick<MatrixCtx, 'w' | 'home'>) {
  const homePath = x.w.nodes[x.home].path;
  return Object.entries(x.w.nodes).filter(([, n]) => !n.path.startsWith(homePath)).map(([key, n]) => ({ key, ...n }));
}

/** The path prefix of the actor's own subtree. */
export const ownPath = (x: Pick<MatrixCtx, 'w' | 'home'>) => x.w.nodes[x.home].path;

export async function nodeRow(s: TestServer, id: string) {
  const [row] = await s.database.db.select({ name: orgNodes.name, parentId: orgNodes.parentId }).from(orgNodes).where(eq(orgNodes.id, id));
  return row;
}
