import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError, fieldError, tooLarge } from '../../shared/app-error';
import { ROLES } from '../../shared/roles';
import { FILE_LIMITS, ZFileIdParams, ZFileUploadQuery, ZStoredFile } from './files.contract';
import { checkUpload, readFileBytes, storeFile, toStoredFile } from './files.service';
import { UPLOADER_ROLES } from './files.policy';
import { disposition, safeHeaders, sendAttachment } from './files.http';
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
export const fileRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;
  const tags = ['files'];
  const policy = { roles: ROLES };
  configureFileStore(app.config);
  // Registered inside this plugin only: no other route accepts multipart bodies.
  await app.register(multipart, { limits: { fileSize: FILE_LIMITS.documentBytes, files: 1, fields: 5, parts: 6 } });

  app.post(
    '/api/files',
    {
      config: { policy: { roles: UPLOADER_ROLES } },
      schema: {
        tags,
        summary:
          'Upload one file (multipart field `file`) for a purpose at a node: only those who may write that thing there; type read from the content, size limits, images re-encoded without metadata; removed after a day unless attached',
        querystring: ZFileUploadQuery,
        response: { 201: ZStoredFile },
      },
    },
    async (req, reply) => {
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
      return reply.status(201).send(toStoredFile(row));
    },
  );

  app.get(
    '/api/files/:id',
    {
      config: { policy },
      schema: { tags, summary: 'The file, always as an attachment (never shown as a page)', params: ZFileIdParams },
    },
    async (req, reply) => {
      const { row, bytes } = await readFileBytes({ db: db(), actor: req.actor!, id: req.params.id });
      return sendAttachment(reply, row, bytes);
    },
  );

  app.get(
    '/api/files/:id/thumbnail',
    {
      config: { policy },
      schema: { tags, summary: 'A small JPEG of an image file', params: ZFileIdParams },
    },
    async (req, reply) => {
      const { row, bytes } = await readFileBytes({ db: db(), actor: req.actor!, id: req.params.id, thumbnail: true });
      return safeHeaders(reply, 'image/jpeg')
        .header('Content-Disposition', disposition('inline', `${row.id}.jpg`))
        .send(bytes);
    },
  );
};
