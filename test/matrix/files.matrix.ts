import { expect } from 'vitest';
import { eq } from 'drizzle-orm';
import { storedFiles } from '../../src/modules/files/files.table';
import { TEST_PASSWORD } from '../factories';
import { jpegWithGps, tinyPdf, uploadFile } from '../file-factories';
import { signIn } from '../server';
import { expectDenied, foreignNodes, type MatrixCtx, type Matrix } from './context';

/** A photo stored in county B (made once, found again by the later roles). */
export async function foreignPhoto({ s, w }: Pick<MatrixCtx, 's' | 'w'>): Promise<string> {
  const [hit] = await s.database.db
    .select({ id: storedFiles.id })
    .from(storedFiles)
    .where(eq(storedFiles.nodeId, w.nodes.B1a.id));
  if (hit) return hit.id;
  const b = await signIn(s.app, 'b_county_admin', TEST_PASSWORD);
  const r = await uploadFile(
    b,
    { nodeId: w.nodes.B1a.id, purpose: 'activity_photo', accept: 'image' },
    'b.jpg',
    await jpegWithGps(),
  );
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id;
}

/** Uploads and downloads. */
export const FILES_MATRIX: Matrix = {
  'POST /api/files': async (x) => {
    const before = (await x.s.database.db.select({ id: storedFiles.id }).from(storedFiles)).length;
    for (const f of foreignNodes(x).filter((n) => ['A', 'A2', 'A2a', 'B', 'B1', 'B1a'].includes(n.key))) {
      await expectDenied(uploadFile(x.c, { nodeId: f.id }, 'x.pdf', tinyPdf()));
    }
    expect((await x.s.database.db.select({ id: storedFiles.id }).from(storedFiles)).length).toBe(before);
  },
  'GET /api/files/:id': async (x) => {
    await expectDenied(x.c.req('GET', `/api/files/${await foreignPhoto(x)}`));
  },
  'GET /api/files/:id/thumbnail': async (x) => {
    await expectDenied(x.c.req('GET', `/api/files/${await foreignPhoto(x)}/thumbnail`));
  },
};
