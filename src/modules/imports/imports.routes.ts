import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { RESIDENT_ROLES } from '../../shared/roles';
import {
  IMPORT_MAX_BYTES,
  ZExportQuery,
  ZImportIdParams,
  ZImportJob,
  ZImportMappingBody,
  ZImportUpload,
  ZTemplateQuery,
} from './imports.contract';
import { commitImport, discardImport, getImport, getImportFile, previewImport, remapImport } from './imports.service';
import { exportResidents } from './roster-export';
import { buildErrorReport, buildTemplate } from './roster-workbooks';

const policy = { roles: RESIDENT_ROLES };
const ZOk = z.object({ ok: z.literal(true) });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** `attachment; filename*=UTF-8''…`: Chinese file names survive every browser. */
const attachment = (name: string) =>
  `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;
const today = () => new Date().toISOString().slice(0, 10);

/** Excel import and export of the resident roster. */
export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;
  const tags = ['imports'];

  app.get(
    '/api/imports/residents/template.xlsx',
    {
      config: { policy },
      schema: {
        tags,
        summary: 'The roster template: headers, an example row, notes and the county’s tags',
        querystring: ZTemplateQuery,
      },
    },
    async (req, reply) => {
      const file = await buildTemplate({ db: db(), actor: req.actor!, nodeId: req.query.nodeId });
      return reply.type(XLSX).header('content-disposition', attachment('居民名册导入模板.xlsx')).send(file);
    },
  );

  app.post(
    '/api/imports/residents',
    {
      config: { policy },
      // base64 is 4/3 of the file, plus the JSON around it.
      bodyLimit: Math.ceil((IMPORT_MAX_BYTES * 4) / 3) + 64 * 1024,
      schema: {
        tags,
        summary:
          'Upload a roster (.xlsx, base64): checks every row and keeps the file as an import job to commit or discard',
        body: ZImportUpload,
        response: { 201: ZImportJob },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await previewImport({ db: db(), actor: req.actor!, protector: app.protector, input: req.body })),
  );

  app.get(
    '/api/imports/:id',
    {
      config: { policy },
      schema: {
        tags,
        summary: 'An import job: counts and the issues of each bad row',
        params: ZImportIdParams,
        response: { 200: ZImportJob },
      },
    },
    async (req) => getImport({ db: db(), actor: req.actor!, id: req.params.id }),
  );

  app.post(
    '/api/imports/:id/mapping',
    {
      config: { policy },
      schema: {
        tags,
        summary:
          'Choose which file column holds which field (or ignore a column): checks the kept file again and remembers the choice for the county’s next file with the same headers',
        params: ZImportIdParams,
        body: ZImportMappingBody,
        response: { 200: ZImportJob },
      },
    },
    async (req) =>
      remapImport({
        db: db(),
        actor: req.actor!,
        protector: app.protector,
        id: req.params.id,
        mapping: req.body.mapping,
      }),
  );

  app.post(
    '/api/imports/:id/commit',
    {
      config: { policy },
      schema: {
        tags,
        summary: 'Import the good rows, all in one transaction',
        params: ZImportIdParams,
        response: { 200: ZImportJob },
      },
    },
    async (req) =>
      commitImport({
        db: db(),
        actor: req.actor!,
        protector: app.protector,
        id: req.params.id,
        exclusive: app.database.kind === 'pglite',
      }),
  );

  app.delete(
    '/api/imports/:id',
    {
      config: { policy },
      schema: {
        tags,
        summary: 'Discard a previewed import and its file',
        params: ZImportIdParams,
        response: { 200: ZOk },
      },
    },
    async (req) => {
      await discardImport({ db: db(), actor: req.actor!, id: req.params.id });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/imports/:id/errors.xlsx',
    {
      config: { policy },
      schema: {
        tags,
        summary: 'The bad rows as they were in the file, with an added 错误说明 column',
        params: ZImportIdParams,
      },
    },
    async (req, reply) => {
      const job = await getImportFile({ db: db(), actor: req.actor!, id: req.params.id });
      const file = await buildErrorReport(job);
      const base = job.fileName.replace(/\.xlsx$/i, '');
      return reply
        .type(XLSX)
        .header('content-disposition', attachment(`${base}-错误行.xlsx`))
        .send(file);
    },
  );

  app.get(
    '/api/residents/export.xlsx',
    {
      config: { policy },
      schema: {
        tags,
        summary: 'The roster as .xlsx (streamed), masked as the user’s rights require; audited',
        querystring: ZExportQuery,
      },
    },
    async (req, reply) => {
      const { stream, done } = await exportResidents({
        db: db(),
        actor: req.actor!,
        protector: app.protector,
        query: req.query,
      });
      done.catch((err: unknown) =>
        req.log.error({ err }, 'roster export failed after it started; the download was cut and audited as failed'),
      );
      return reply
        .type(XLSX)
        .header('content-disposition', attachment(`居民名册-${today()}.xlsx`))
        .send(stream);
    },
  );
};
