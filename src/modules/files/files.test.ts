import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { auditLog } from '../../server/db/audit.table';
import { storedFiles } from './files.table';
import { keyPath } from './files.storage';
import { TEST_PASSWORD } from '../../../test/factories';
import { fakeExe, jpegWithGps, tinyPdf, uploadFile } from '../../../test/file-factories';
import { signIn } from '../../../test/server';
import { useWorldServer } from '../../../test/server-fixture';

const { s, w, clients } = useWorldServer('a_centre_manager', 'a_town_admin');
const [centre, town] = clients;

describe('uploads', () => {
  it('a JPEG with EXIF GPS comes back without any metadata, with a thumbnail', async () => {
    const original = await jpegWithGps();
    expect((await sharp(original).metadata()).exif).toBeTruthy();
    const r = await uploadFile(
      centre,
      { nodeId: w.nodes.A1a.id, purpose: 'activity_photo', accept: 'image' },
      '现场照片.jpg',
      original,
      'image/jpeg',
    );
    expect(r.statusCode, r.body).toBe(201);
    const f = r.json();
    expect(f).toMatchObject({
      originalName: '现场照片.jpg',
      mime: 'image/jpeg',
      width: 800,
      height: 600,
      thumbnailUrl: `/api/files/${f.id}/thumbnail`,
    });
    const got = await town.req('GET', `/api/files/${f.id}`);
    expect(got.statusCode).toBe(200);
    const meta = await sharp(got.rawPayload).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(got.rawPayload.includes(Buffer.from('Exif'))).toBe(false);
    expect(got.rawPayload.includes(Buffer.from('CeduPhone'))).toBe(false);
    const thumb = await town.req('GET', f.thumbnailUrl);
    expect(thumb.statusCode).toBe(200);
    expect(thumb.headers['content-type']).toBe('image/jpeg');
    expect((await sharp(thumb.rawPayload).metadata()).width).toBe(320);
    const [audit] = await s.database.db.select().from(auditLog).where(eq(auditLog.entityId, f.id));
    expect(audit.action).toBe('file.upload');
  });

  it('an .exe renamed .jpg is refused, in both languages', async () => {
    const r = await uploadFile(
      centre,
      { nodeId: w.nodes.A1a.id, accept: 'image' },
      'photo.jpg',
      fakeExe(),
      'image/jpeg',
    );
    expect(r.statusCode).toBe(400);
    const issue = r.json().error.issues[0];
    expect(issue.path).toBe('file');
    expect(issue.message).toMatch(/不支持这种文件.*exe/);
    expect(issue.messageEn).toMatch(/not allowed.*exe/);
    const d = await uploadFile(centre, { nodeId: w.nodes.A1a.id }, 'notes.pdf', fakeExe(), 'application/pdf');
    expect(d.statusCode).toBe(400);
    expect(await s.database.db.select().from(storedFiles).where(eq(storedFiles.originalName, 'photo.jpg'))).toEqual([]);
  });

  it('a PDF is not an image; HTML is not a document', async () => {
    const pdf = await uploadFile(centre, { nodeId: w.nodes.A1a.id, accept: 'image' }, 'a.pdf', tinyPdf());
    expect(pdf.statusCode).toBe(400);
    const html = await uploadFile(
      centre,
      { nodeId: w.nodes.A1a.id },
      'x.pdf',
      Buffer.from('<html><script>alert(1)</script></html>'),
      'application/pdf',
    );
    expect(html.statusCode).toBe(400);
    expect(html.json().error.issues[0].message).toMatch(/无法识别/);
  });

  it('a document is served as an attachment with nosniff, under its real extension', async () => {
    const r = await uploadFile(centre, { nodeId: w.nodes.A1a.id }, '讲义.txt', tinyPdf(), 'text/html');
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ originalName: '讲义.pdf', mime: 'application/pdf', thumbnailUrl: null });
    const got = await centre.req('GET', r.json().url);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['content-disposition']).toMatch(
      /^attachment; filename="__\.pdf"; filename\*=UTF-8''%E8%AE%B2%E4%B9%89\.pdf$/,
    );
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.headers['content-security-policy']).toContain('sandbox');
    expect(got.rawPayload.equals(tinyPdf())).toBe(true);
  });

  it('HTML smuggled in as a stored file is still served as an attachment, never as a page', async () => {
    const r = await uploadFile(centre, { nodeId: w.nodes.A1a.id }, 'ok.pdf', tinyPdf());
    const [row] = await s.database.db.select().from(storedFiles).where(eq(storedFiles.id, r.json().id));
    // Even if the stored type were text/html (an older row, a bug elsewhere), the headers hold.
    await s.database.db.update(storedFiles).set({ mime: 'text/html' }).where(eq(storedFiles.id, row.id));
    const got = await centre.req('GET', `/api/files/${row.id}`);
    expect(got.headers['content-disposition']).toMatch(/^attachment;/);
    expect(got.headers['x-content-type-options']).toBe('nosniff');
  });

  it('a few megabytes pass (the 1 MB JSON body limit does not apply to uploads); too large is refused with the limit', async () => {
    const ok = await uploadFile(
      centre,
      { nodeId: w.nodes.A1a.id },
      'mid.pdf',
      Buffer.concat([tinyPdf(), Buffer.alloc(3 * 1024 * 1024)]),
    );
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().size).toBeGreaterThan(3 * 1024 * 1024);
    const big = Buffer.concat([tinyPdf(), Buffer.alloc(21 * 1024 * 1024)]);
    const r = await uploadFile(centre, { nodeId: w.nodes.A1a.id }, 'big.pdf', big);
    expect(r.statusCode).toBe(413);
    expect(r.json().error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      messageEn: 'What was sent is too large; the limit is 20 MB',
    });
    expect(r.json().error.issues[0].message).toContain('20 MB');
  });

  it('an image over 10 MB is refused (documents may be larger)', async () => {
    const big = await sharp({
      create: {
        width: 2100,
        height: 2100,
        channels: 3,
        background: { r: 0, g: 0, b: 0 },
        noise: { type: 'gaussian', mean: 128, sigma: 60 },
      },
    })
      .png({ compressionLevel: 0 })
      .toBuffer();
    expect(big.length).toBeGreaterThan(10 * 1024 * 1024);
    const r = await uploadFile(centre, { nodeId: w.nodes.A1a.id, accept: 'image' }, 'big.png', big);
    expect(r.statusCode).toBe(400);
    expect(r.json().error.issues[0].message).toBe('图片太大，不能超过 10 MB');
  });

  it('a request without a file, or not multipart, is refused', async () => {
    const r = await centre.req('POST', `/api/files?nodeId=${w.nodes.A1a.id}&purpose=course_material`, { file: 'x' });
    expect(r.statusCode).toBe(400);
  });
});

describe('scope', () => {
  it('files outside the reader’s tree are 404, and uploads to foreign nodes are refused', async () => {
    const r = await uploadFile(town, { nodeId: w.nodes.A1.id }, 'town.pdf', tinyPdf());
    expect(r.statusCode).toBe(201);
    // The centre manager of A1a does not reach the town node itself.
    expect((await centre.req('GET', `/api/files/${r.json().id}`)).statusCode).toBe(404);
    const b = await signIn(s.app, 'b_county_admin', TEST_PASSWORD);
    expect((await b.req('GET', `/api/files/${r.json().id}`)).statusCode).toBe(404);
    expect((await b.req('GET', `/api/files/${r.json().id}/thumbnail`)).statusCode).toBe(404);
    expect((await uploadFile(centre, { nodeId: w.nodes.A1.id }, 'x.pdf', tinyPdf())).statusCode).toBe(404);
  });

  it('a stored key can never point outside the file store', async () => {
    expect(keyPath('../../etc/passwd')).toBeNull();
    expect(keyPath('ab/../../secret.key')).toBeNull();
    const r = await uploadFile(town, { nodeId: w.nodes.A1.id }, 't.pdf', tinyPdf());
    await s.database.db.update(storedFiles).set({ storageKey: '../secret.key' }).where(eq(storedFiles.id, r.json().id));
    expect((await town.req('GET', `/api/files/${r.json().id}`)).statusCode).toBe(404);
  });
});
