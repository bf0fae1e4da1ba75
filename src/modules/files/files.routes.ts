import multipart from '@fastify/multipart';
import { route, staffCtx, type RouteApp } from '../../server/route';
import { AppError, fieldError, tooLarge } from '../../shared/app-error';
import { FILE_LIMITS, filesApi } from './files.contract';
import { checkUpload, readFileBytes, storeFile, toStoredFile } from './files.service';
import { disposition } from '../../server/download';
import { safeHeaders, sendAttachment } from './files.http';
import { configureFileStore } from './files.storage';

/** Multipart errors (too large, not multipart, too many files) in plain words. */
function uploadError(err: unknown): never {
  const code = (err as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(FILE_LIMITS.documentBytes, 'file');
  if ((err as { statusCode?: number }).statusCode === 413) throw tooLarge(FILE_LIMITS.documentBytes);
  if (typeof code === 'string' && code.startsWith('FST_')) throw new AppError('BAD_REQUEST');
  throw err;
}

/** Uploads (multipart, field `file`) and downloads, scoped by the file's node. */
export const fileRoutes = async (app: RouteApp) => {
  const db = () => app.database.db;
  const ctx = staffCtx(app);
  configureFileStore(app.config);
  // Registered inside this plugin only: no other route accepts multipart bodies.
  await app.register(multipart, { limits: { fileSize: FILE_LIMITS.documentBytes, files: 1, fields: 5, parts: 6 } });

  route(app, filesApi.upload, async (req) => {
    // Who may upload for this purpose here is known from the query: refuse before reading the body.
    await checkUpload(db(), req.actor!, req.query);
    let part;
    let bytes: Buffer;
    try {
      part = await req.file();
      if (!part) throw fieldError('file', '请选择要上传的文件', 'Choose a file to upload');
      bytes = await part.toBuffer();
    } catch (err) {
      uploadError(err);
    }
    const row = await storeFile(db(), req.actor!, {
      nodeId: req.query.nodeId,
      purpose: req.query.purpose,
      filename: part.filename || 'file',
      bytes,
      accept: req.query.accept,
    });
    return toStoredFile(row);
  });

  route(app, filesApi.download, async (req, reply) => {
    const { row, bytes } = await readFileBytes({ ...ctx(req), id: req.params.id });
    return sendAttachment(reply, row, bytes);
  });

  route(app, filesApi.thumbnail, async (req, reply) => {
    const { row, bytes } = await readFileBytes({ ...ctx(req), id: req.params.id, thumbnail: true });
    return safeHeaders(reply, 'image/jpeg')
      .header('Content-Disposition', disposition('inline', `${row.id}.jpg`))
      .send(bytes);
  });
};
