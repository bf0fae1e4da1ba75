import { and, asc, eq, like, or } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client';
import type { Actor } from '../../shared/actor';
import { fieldError, forbidden } from '../../shared/app-error';
import { auditChange } from '../../server/audit';
import { escapeLike, loadNodeFor, loadNodeToWrite, loadRowOnNode, nodeNames } from '../../server/tree-scope';
import { orgNodes } from '../../server/db/tree.table';
import type { Schedule, ScheduleCreate, ScheduleUpdate } from './plans.contract';
import { canKeepSchedule, canReadSchedule } from './plans.policy';
import { countyOf } from './plans.service';
import { scheduleItems } from './plans.table';
import type { Ctx } from '../../server/types';

/** Units a town's schedule may name: those under the town and those directly under the county. */
async function townUnits(db: DbOrTx, town: { id: string; path: string }) {
  return db
    .select({ id: orgNodes.id, name: orgNodes.name })
    .from(orgNodes)
    .where(
      and(
        eq(orgNodes.level, 'unit'),
        or(like(orgNodes.path, `${escapeLike(town.path)}%`), eq(orgNodes.parentId, countyOf(town))),
      ),
    )
    .orderBy(asc(orgNodes.path))
    .limit(500);
}

/** The town's 配档表 for a year: months × work items × responsible units. */
export async function getSchedule({
  db,
  actor,
  townId,
  year,
}: Ctx & { townId: string; year: number }): Promise<Schedule> {
  const town = await loadNodeFor(db, townId, (n) => canReadSchedule(actor, n));
  if (town.level !== 'town') throw fieldError('townId', '配档表属于镇（街道）', 'A schedule belongs to a town');
  const rows = await db
    .select()
    .from(scheduleItems)
    .where(and(eq(scheduleItems.townId, town.id), eq(scheduleItems.year, year)))
    .orderBy(asc(scheduleItems.month), asc(scheduleItems.sort), asc(scheduleItems.createdAt))
    .limit(1000);
  const names = await nodeNames(
    db,
    rows.flatMap((r) => r.unitIds),
  );
  return {
    town: { id: town.id, name: town.name },
    year,
    items: rows.map((r) => ({
      id: r.id,
      month: r.month,
      workItem: r.workItem,
      unitIds: r.unitIds,
      unitNames: r.unitIds.map((u) => names.get(u) ?? '—'),
      responsibleText: r.responsibleText,
      note: r.note,
    })),
    units: await townUnits(db, town),
    canKeep: canKeepSchedule(actor, town),
  };
}

async function checkUnits(tx: DbOrTx, town: { id: string; path: string }, ids: string[]): Promise<void> {
  if (!ids.length) return;
  const allowed = new Set((await townUnits(tx, town)).map((u) => u.id));
  if (ids.some((id) => !allowed.has(id)))
    throw fieldError('unitIds', '请选择本镇或县直属的单位', 'Choose units of the town or directly under the county');
}

export async function createScheduleItem({
  db,
  actor,
  input,
}: Ctx & { input: ScheduleCreate }): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const town = await loadNodeToWrite(
      tx,
      input.townId,
      { mayRead: (n) => canReadSchedule(actor, n), mayWrite: (n) => canKeepSchedule(actor, n) },
      ['town'],
      { field: 'townId', zh: '配档表属于镇（街道）', en: 'A schedule belongs to a town' },
    );
    await checkUnits(tx, town, input.unitIds);
    const [row] = await tx
      .insert(scheduleItems)
      .values({ ...input, unitIds: [...new Set(input.unitIds)], countyId: countyOf(town), createdBy: actor.userId })
      .returning({ id: scheduleItems.id });
    await auditChange(tx, actor, town, 'schedule.create', ['schedule_item', row.id], {
      town: town.name,
      year: input.year,
      month: input.month,
      workItem: input.workItem,
    });
    return row;
  });
}

async function loadItem(tx: DbOrTx, actor: Actor, id: string) {
  const { row, node: town } = await loadRowOnNode(tx, scheduleItems, scheduleItems.townId, id, (n) =>
    canReadSchedule(actor, n),
  );
  if (!canKeepSchedule(actor, town)) throw forbidden();
  return { row, town };
}

export async function updateScheduleItem({
  db,
  actor,
  id,
  input,
}: Ctx & { id: string; input: ScheduleUpdate }): Promise<void> {
  await db.transaction(async (tx) => {
    const { row, town } = await loadItem(tx, actor, id);
    await checkUnits(tx, town, input.unitIds);
    await tx
      .update(scheduleItems)
      .set({ ...input, unitIds: [...new Set(input.unitIds)], updatedAt: new Date() })
      .where(eq(scheduleItems.id, id));
    await auditChange(tx, actor, town, 'schedule.update', ['schedule_item', id], {
      town: town.name,
      year: row.year,
      from: { month: row.month, workItem: row.workItem },
      to: { month: input.month, workItem: input.workItem },
    });
  });
}

export async function removeScheduleItem({ db, actor, id }: Ctx & { id: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const { row, town } = await loadItem(tx, actor, id);
    await tx.delete(scheduleItems).where(eq(scheduleItems.id, id));
    await auditChange(tx, actor, town, 'schedule.remove', ['schedule_item', id], {
      town: town.name,
      year: row.year,
      month: row.month,
      workItem: row.workItem,
    });
  });
}
