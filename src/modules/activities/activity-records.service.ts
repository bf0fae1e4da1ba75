import { and, asc, eq, sql } from 'drizzle-orm';
import { holdsRoleOver } from '../../shared/actor';
import { fieldError } from '../../shared/app-error';
import { RESIDENT_ROLES } from '../../shared/roles';
import { ACTIVITY_LIMITS, type Records, type RecordsInput, type Registration } from './activities.contract';
import { loadActivity } from './activities.service';
import { auditActivity, loadKeptActivity } from './activity-change';
import { registrations } from './activities.table';
import { activityPhotos, activityRecords } from './activity-records.table';
import { fileFacts, filesByIds } from '../files';
import { residentNames, residentRef } from '../people';
import { cancelRegistration, registerResident, type RegistrationStatus } from './registration.service';
import type { Ctx } from '../../server/types';

/** The registrations (places, waiting list in order, cancelled) — residents' names are for the keepers. */
export async function findRegistrations({ db, actor, id }: Ctx & { id: string }): Promise<{ items: Registration[] }> {
  await loadKeptActivity(db, actor, id);
  const rows = await db
    .select({
      id: registrations.id,
      residentId: registrations.residentId,
      status: registrations.status,
      notice: registrations.notice,
      createdAt: registrations.createdAt,
    })
    .from(registrations)
    .where(eq(registrations.activityId, id))
    .orderBy(
      sql`case ${registrations.status} when 'registered' then 0 when 'waitlisted' then 1 else 2 end`,
      asc(registrations.createdAt),
      asc(registrations.id),
    )
    .limit(2000);
  const names = await residentNames(
    db,
    rows.map((r) => r.residentId),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      residentId: r.residentId,
      residentName: names.get(r.residentId) ?? '',
      status: r.status as Registration['status'],
      notice: r.notice,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}

/** Staff register a resident of their reach (e.g. one who phoned in). */
export async function registerByStaff({
  db,
  actor,
  id,
  residentId,
}: Ctx & { id: string; residentId: string }): Promise<{ status: RegistrationStatus }> {
  return db.transaction(async (tx) => {
    const { row, centre } = await loadKeptActivity(tx, actor, id);
    const r = await residentRef(tx, residentId);
    if (!r || !holdsRoleOver(actor, RESIDENT_ROLES, r.path))
      throw fieldError('residentId', '找不到该居民，或不在您的管理范围内', 'Resident not found, or outside your reach');
    const out = await registerResident(tx, { activityId: id, residentId });
    await auditActivity(tx, actor, centre, 'activity.register', id, {
      title: row.title,
      resident: r.name,
      status: out.status,
    });
    return { status: out.status };
  });
}

export async function cancelByStaff({
  db,
  actor,
  id,
  residentId,
}: Ctx & { id: string; residentId: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const { row, centre } = await loadKeptActivity(tx, actor, id);
    const out = await cancelRegistration(tx, { activityId: id, residentId, reason: '由工作人员取消报名' });
    await auditActivity(tx, actor, centre, 'activity.unregister', id, {
      title: row.title,
      residentId,
      promotedResidentId: out.promotedResidentId,
    });
  });
}

/** The traces an activity leaves: news article, lecture notes, summary and photos. */
export async function getRecords({ db, actor, id }: Ctx & { id: string }): Promise<Records> {
  await loadActivity(db, actor, id);
  const [rec] = await db.select().from(activityRecords).where(eq(activityRecords.activityId, id));
  const photos = await db
    .select({ fileId: activityPhotos.fileId, caption: activityPhotos.caption })
    .from(activityPhotos)
    .where(eq(activityPhotos.activityId, id))
    .orderBy(asc(activityPhotos.sort), asc(activityPhotos.addedAt));
  const thumbs = new Set(
    (
      await filesByIds(
        db,
        photos.map((p) => p.fileId),
      )
    )
      .filter((f) => f.thumbnailKey !== null)
      .map((f) => f.id),
  );
  return {
    newsTitle: rec?.newsTitle ?? null,
    newsBody: rec?.newsBody ?? '',
    lectureNotes: rec?.lectureNotes ?? '',
    summary: rec?.summary ?? '',
    photos: photos.map((p) => ({
      fileId: p.fileId,
      caption: p.caption,
      url: `/api/files/${p.fileId}`,
      thumbnailUrl: thumbs.has(p.fileId) ? `/api/files/${p.fileId}/thumbnail` : null,
    })),
    updatedAt: rec?.updatedAt.toISOString() ?? null,
  };
}

export async function saveRecords({ db, actor, id, input }: Ctx & { id: string; input: RecordsInput }): Promise<void> {
  await db.transaction(async (tx) => {
    const { row, centre } = await loadKeptActivity(tx, actor, id);
    const values = { ...input, updatedBy: actor.userId, updatedAt: new Date() };
    await tx
      .insert(activityRecords)
      .values({ activityId: id, ...values })
      .onConflictDoUpdate({ target: activityRecords.activityId, set: values });
    await auditActivity(tx, actor, centre, 'activity.records', id, {
      title: row.title,
      newsTitle: input.newsTitle,
      newsChars: input.newsBody.length,
      notesChars: input.lectureNotes.length,
      summaryChars: input.summary.length,
    });
  });
}

/** Adds a photo uploaded through POST /api/files for this activity's centre. */
export async function addPhoto({
  db,
  actor,
  id,
  fileId,
  caption,
}: Ctx & { id: string; fileId: string; caption: string | null }): Promise<void> {
  await db.transaction(async (tx) => {
    const { row, centre } = await loadKeptActivity(tx, actor, id);
    const f = await fileFacts(tx, fileId);
    if (!f || !f.path.startsWith(centre.path) || !f.mime.startsWith('image/'))
      throw fieldError('fileId', '请上传本活动的照片', 'Upload a photo for this activity');
    const [{ n }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(activityPhotos)
      .where(eq(activityPhotos.activityId, id));
    if (n >= ACTIVITY_LIMITS.photos)
      throw fieldError(
        'fileId',
        `每次活动最多 ${ACTIVITY_LIMITS.photos} 张照片`,
        `At most ${ACTIVITY_LIMITS.photos} photos per activity`,
      );
    await tx
      .insert(activityPhotos)
      .values({ activityId: id, fileId, caption, sort: n, addedBy: actor.userId })
      .onConflictDoNothing();
    await auditActivity(tx, actor, centre, 'activity.photo.add', id, { title: row.title, fileId });
  });
}

export async function removePhoto({ db, actor, id, fileId }: Ctx & { id: string; fileId: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const { row, centre } = await loadKeptActivity(tx, actor, id);
    await tx.delete(activityPhotos).where(and(eq(activityPhotos.activityId, id), eq(activityPhotos.fileId, fileId)));
    await auditActivity(tx, actor, centre, 'activity.photo.remove', id, { title: row.title, fileId });
  });
}
