import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { auditLog } from '../../server/db/audit.table';
import { storedFiles } from './files.table';
import { keyPath } from './files.storage';
import { pruneUnattachedFiles } from './files.prune';
import { TEST_PASSWORD } from '../../../test/factories';
import { buildActivity } from '../../../test/activity-factories';
import { createCourse } from '../../../test/course-factories';
import { jpegWithGps, tinyPdf, uploadFile } from '../../../test/file-factories';
import { signIn, type Client } from '../../../test/server';
import { useWorldServer } from '../../../test/server-fixture';
import { ROLES } from '../../shared/roles';

const { s, w } = useWorldServer();
const as: Record<string, Client> = {};
const fileCount = async () => (await s.database.db.select({ id: storedFiles.id }).from(storedFiles)).length;
/** The status of an upload of a photo (with GPS metadata) by `c` at node `node` for `purpose`. */
const photoStatus = async (c: Client, node: string, purpose: string) =>
  (await uploadFile(c, { nodeId: w.nodes[node].id, purpose, accept: 'image' }, 'a.jpg', await jpegWithGps()))
    .statusCode;

beforeAll(async () => {
  for (const role of ROLES.filter((r) => r !== 'system_admin')) {
    as[role] = await signIn(s.app, `a_${role}`, TEST_PASSWORD);
  }
});

describe('who may upload', () => {
  it('leaders, inspectors and teachers may upload nothing, for any purpose, even at their own node', async () => {
    const before = await fileCount();
    for (const role of ['leader', 'inspector', 'teacher']) {
      for (const [purpose, node] of [
        ['course_material', 'A1'],
        ['activity_photo', 'A1a'],
        ['signin_sheet', 'A1a'],
      ] as const) {
        const r = await uploadFile(
          as[role],
          { nodeId: w.nodes[node].id, purpose, accept: purpose === 'course_material' ? 'document' : 'image' },
          'x.jpg',
          await jpegWithGps(),
        );
        expect(r.statusCode, `${role} ${purpose}`).toBe(403);
        expect(r.json().error.code).toBe('FORBIDDEN');
      }
    }
    expect(await fileCount()).toBe(before);
  });

  it('each purpose follows the rule of the thing it is for', async () => {
    const pdf = tinyPdf();
    // A department writes courses of its unit, but keeps no activities and runs no sign-in.
    expect(
      (await uploadFile(as.dept_coordinator, { nodeId: w.nodes.A1u.id, purpose: 'course_material' }, 'a.pdf', pdf))
        .statusCode,
    ).toBe(201);
    expect(await photoStatus(as.dept_coordinator, 'A1u', 'activity_photo')).toBe(403);
    expect(await photoStatus(as.dept_coordinator, 'A1u', 'signin_sheet')).toBe(403);
    // A centre manager keeps the centre's activities and runs its sign-in.
    for (const purpose of ['course_material', 'activity_photo', 'signin_sheet'] as const) {
      expect(await photoStatus(as.centre_manager, 'A1a', purpose), purpose).toBe(201);
    }
    // Outside one's reach the node does not exist; an unknown purpose is a validation error.
    expect(await photoStatus(as.centre_manager, 'A1b', 'activity_photo')).toBe(404);
    expect(
      (await uploadFile(as.town_admin, { nodeId: w.nodes.A1a.id, purpose: 'anything' }, 'a.pdf', pdf)).statusCode,
    ).toBe(400);
  });

  it('a refused upload is answered before its body is read', async () => {
    await s.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = s.app.server.address() as AddressInfo;
    const leader = as.leader;
    const boundary = '----cedubig';
    const total = 20 * 1024 * 1024;
    const answer = await new Promise<{ status: number; sent: number }>((resolve, reject) => {
      let sent = 0;
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: `/api/files?nodeId=${w.nodes.A1.id}&purpose=course_material`,
          headers: {
            cookie: leader.cookie,
            'x-csrf-token': leader.csrf,
            'content-type': `multipart/form-data; boundary=${boundary}`,
            'content-length': String(total),
          },
        },
        (res) => {
          res.resume();
          resolve({ status: res.statusCode!, sent });
          req.destroy();
        },
      );
      req.on('error', (err) => (sent > 0 ? undefined : reject(err)));
      const head = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n`,
      );
      req.write(head);
      sent = head.length;
      // The rest is never sent unless the server asks for it: the answer must come first.
    });
    expect(answer.status).toBe(403);
    expect(answer.sent).toBeLessThan(1024);
  });
});

describe('files never attached', () => {
  it('are removed after a day — row, bytes and thumbnail — with an audit entry; attached and recent files stay', async () => {
    const centre = as.centre_manager;
    const up = async (purpose: string, name: string) => {
      const r = await uploadFile(
        centre,
        { nodeId: w.nodes.A1a.id, purpose, accept: purpose === 'course_material' ? 'document' : 'image' },
        name,
        purpose === 'course_material' ? tinyPdf() : await jpegWithGps(),
      );
      expect(r.statusCode, r.body).toBe(201);
      return r.json().id as string;
    };
    const abandoned = await up('activity_photo', 'abandoned.jpg');
    const material = await up('course_material', 'material.pdf');
    const photo = await up('activity_photo', 'photo.jpg');
    const recent = await up('activity_photo', 'recent.jpg');
    await createCourse(centre, w.nodes.A1a.id, { fileIds: [material] });
    const activity = await buildActivity(s.database, { centre: w.nodes.A1a });
    expect(
      (await centre.req('POST', `/api/activities/${activity.id}/photos`, { fileId: photo, caption: null })).statusCode,
    ).toBe(200);
    const old = [abandoned, material, photo];
    await s.database.db
      .update(storedFiles)
      .set({ createdAt: sql`now() - interval '25 hours'` })
      .where(sql`${storedFiles.id} = any(${sql.param(old)}::uuid[])`);
    const [gone] = await s.database.db.select().from(storedFiles).where(eq(storedFiles.id, abandoned));

    // Other old unattached files of earlier tests go too; these four are the ones that matter.
    expect(await pruneUnattachedFiles(s.database.db)).toBeGreaterThanOrEqual(1);
    const left = (await s.database.db.select({ id: storedFiles.id }).from(storedFiles)).map((r) => r.id);
    expect(left).not.toContain(abandoned);
    expect(left).toEqual(expect.arrayContaining([material, photo, recent]));
    expect(keyPath(gone.storageKey)).not.toBeNull();
    const fs = await import('node:fs');
    expect(fs.existsSync(keyPath(gone.storageKey)!)).toBe(false);
    expect(fs.existsSync(keyPath(gone.thumbnailKey!)!)).toBe(false);
    expect((await centre.req('GET', `/api/files/${photo}`)).statusCode).toBe(200);
    expect((await centre.req('GET', `/api/files/${abandoned}`)).statusCode).toBe(404);
    const audit = await s.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'file.prune'), eq(auditLog.entityId, abandoned)));
    expect(audit).toEqual([expect.objectContaining({ actorName: 'system', nodeId: w.nodes.A1a.id })]);
    expect(await pruneUnattachedFiles(s.database.db)).toBe(0);
  });
});
