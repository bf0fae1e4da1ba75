import { and, asc, eq, gte, inArray, ne } from 'drizzle-orm';
import { reachPaths } from '../../shared/actor';
import { forbidden, hidden } from '../../shared/app-error';
import { chinaInstant, chinaToday } from '../../shared/china-time';
import type { Page } from '../../shared/pagination';
import { ROLES } from '../../shared/roles';
import { auditChange } from '../../server/audit';
import { loadCounty, loadNodeToWrite, nodeBrief, underAnyPath } from '../../server/tree-scope';
import { orgNodes } from '../../server/db/tree.table';
import { pageOf } from '../../server/db/page';
import { canKeepVenue, canReadActivity, canSetRules } from './activities.policy';
import { loadNode } from './activities.service';
import { noticeDays } from './booking.service';
import type {
  Bookable,
  BookableCreate,
  BookableKind,
  BookableQuery,
  BookableUpdate,
  Booking,
  Rules,
} from './venues.contract';
import { activities } from './activities.table';
import { activityEquipment, activityRules, equipmentItems, venues } from './venues.table';
import type { Ctx } from '../../server/types';

const tableOf = (kind: BookableKind) => (kind === 'venue' ? venues : equipmentItems);

/** Venues or equipment of the towns and centres in the actor's reach. */
export async function findBookables({ db, actor, query }: Ctx & { query: BookableQuery }): Promise<Page<Bookable>> {
  const t = tableOf(query.kind);
  const conds = [underAnyPath(orgNodes.path, reachPaths(actor, ROLES))];
  if (query.nodeId) conds.push(underAnyPath(orgNodes.path, [(await loadNode(db, actor, query.nodeId)).path]));
  const list = db
    .select({ row: t, node: nodeBrief })
    .from(t)
    .innerJoin(orgNodes, eq(orgNodes.id, t.nodeId))
    .where(and(...conds))
    .$dynamic();
  return pageOf(db, list, [asc(orgNodes.path), asc(t.name), asc(t.id)], query, ({ row, node }) => ({
    id: row.id,
    kind: query.kind,
    nodeId: node.id,
    nodeName: node.name,
    name: row.name,
    active: row.active,
    canKeep: canKeepVenue(actor, node),
    seats: 'seats' in row ? row.seats : null,
    address: 'address' in row ? row.address : null,
  }));
}

export async function createBookable({ db, actor, input }: Ctx & { input: BookableCreate }): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const node = await loadNodeToWrite(
      tx,
      input.nodeId,
      { mayRead: (n) => canReadActivity(actor, n), mayWrite: (n) => canKeepVenue(actor, n) },
      ['town', 'centre'],
      {
        field: 'nodeId',
        zh: '场地和设备属于镇（街道）或村（社区）学习中心',
        en: 'Venues and equipment belong to a town or a centre',
      },
    );
    const countyId = node.path.split('/')[1];
    const [row] =
      input.kind === 'venue'
        ? await tx
            .insert(venues)
            .values({ countyId, nodeId: node.id, name: input.name, seats: input.seats, address: input.address })
            .returning({ id: venues.id })
        : await tx
            .insert(equipmentItems)
            .values({ countyId, nodeId: node.id, name: input.name })
            .returning({ id: equipmentItems.id });
    await auditChange(tx, actor, node, `${input.kind}.create`, [input.kind, row.id], {
      name: input.name,
      node: node.name,
    });
    return row;
  });
}

export async function updateBookable({
  db,
  actor,
  id,
  input,
}: Ctx & { id: string; input: BookableUpdate }): Promise<void> {
  await db.transaction(async (tx) => {
    const t = tableOf(input.kind);
    const [r] = await tx
      .select({ name: t.name, node: nodeBrief })
      .from(t)
      .innerJoin(orgNodes, eq(orgNodes.id, t.nodeId))
      .where(eq(t.id, id));
    if (!r) throw hidden();
    await loadNode(tx, actor, r.node.id);
    if (!canKeepVenue(actor, r.node)) throw forbidden();
    if (input.kind === 'venue')
      await tx
        .update(venues)
        .set({
          name: input.name,
          seats: input.seats,
          address: input.address,
          active: input.active,
          updatedAt: new Date(),
        })
        .where(eq(venues.id, id));
    else
      await tx
        .update(equipmentItems)
        .set({ name: input.name, active: input.active, updatedAt: new Date() })
        .where(eq(equipmentItems.id, id));
    await auditChange(tx, actor, r.node, `${input.kind}.update`, [input.kind, id], {
      from: r.name,
      name: input.name,
      active: input.active,
    });
  });
}

/** The booking notice of each county in the actor's reach. */
export async function findRules({ db, actor }: Ctx): Promise<Rules> {
  const countyIds = [...new Set(actor.scopes.map((s) => s.path.split('/')[1]).filter(Boolean))];
  const counties = actor.scopes.some((s) => s.role === 'system_admin')
    ? await db.select(nodeBrief).from(orgNodes).where(eq(orgNodes.level, 'county')).orderBy(asc(orgNodes.name))
    : countyIds.length
      ? await db
          .select(nodeBrief)
          .from(orgNodes)
          .where(and(inArray(orgNodes.id, countyIds), eq(orgNodes.level, 'county')))
      : [];
  const items = [];
  for (const c of counties)
    items.push({
      countyId: c.id,
      countyName: c.name,
      noticeDays: await noticeDays(db, c.id),
      canSet: canSetRules(actor, c),
    });
  return { items };
}

export async function setRules({ db, actor, countyId, days }: Ctx & { countyId: string; days: number }): Promise<void> {
  await db.transaction(async (tx) => {
    const c = await loadCounty(tx, actor, countyId, canSetRules);
    const before = await noticeDays(tx, countyId);
    await tx
      .insert(activityRules)
      .values({ countyId, noticeDays: days })
      .onConflictDoUpdate({ target: activityRules.countyId, set: { noticeDays: days, updatedAt: new Date() } });
    await auditChange(tx, actor, c, 'activity.rules', ['county', countyId], { noticeDays: { from: before, to: days } });
  });
}

/**
 * What holds a venue or item from today on. Every activity that books it lies under its
 * owner (a centre books only its own and its town's), so reading the owner covers them.
 */
export async function findBookings({
  db,
  actor,
  id,
  kind,
}: Ctx & { id: string; kind: BookableKind }): Promise<{ items: Booking[] }> {
  const t = tableOf(kind);
  const [r] = await db
    .select({ node: nodeBrief })
    .from(t)
    .innerJoin(orgNodes, eq(orgNodes.id, t.nodeId))
    .where(eq(t.id, id));
  if (!r || !canReadActivity(actor, r.node)) throw hidden();
  const held =
    kind === 'venue'
      ? eq(activities.venueId, id)
      : inArray(
          activities.id,
          db
            .select({ id: activityEquipment.activityId })
            .from(activityEquipment)
            .where(eq(activityEquipment.itemId, id)),
        );
  const today = new Date(chinaInstant(chinaToday()));
  const rows = await db
    .select({
      activityId: activities.id,
      title: activities.title,
      centreName: orgNodes.name,
      startsAt: activities.startsAt,
      endsAt: activities.endsAt,
      status: activities.status,
    })
    .from(activities)
    .innerJoin(orgNodes, eq(orgNodes.id, activities.centreId))
    .where(and(held, ne(activities.status, 'cancelled'), gte(activities.endsAt, today)))
    .orderBy(asc(activities.startsAt))
    .limit(200);
  return { items: rows.map((b) => ({ ...b, startsAt: b.startsAt.toISOString(), endsAt: b.endsAt.toISOString() })) };
}
