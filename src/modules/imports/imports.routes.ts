import { OK, protectedCtx, route, staffCtx, type RouteApp } from '../../server/route';
import { chinaToday } from '../../shared/china-time';
import { disposition } from '../../server/download';
import { IMPORT_MAX_BYTES, importsApi } from './imports.contract';
import { commitImport, discardImport, getImport, getImportFile, previewImport, remapImport } from './imports.service';
import { exportResidents } from './roster-export';
import { buildErrorReport, buildTemplate } from './roster-workbooks';

const XLSX = importsApi.template.produces;

/** Excel import and export of the resident roster: each endpoint as its contract declares it. */
export const importRoutes = async (app: RouteApp) => {
  const ctx = staffCtx(app);
  const keyed = protectedCtx(app);

  route(app, importsApi.template, async (req, reply) => {
    const file = await buildTemplate({ ...ctx(req), nodeId: req.query.nodeId });
    return reply
      .type(XLSX)
      .header('content-disposition', disposition('attachment', '居民名册导入模板.xlsx'))
      .send(file);
  });

  route(
    app,
    importsApi.upload,
    (req) => previewImport({ ...keyed(req), input: req.body }),
    // base64 is 4/3 of the file, plus the JSON around it.
    { bodyLimit: Math.ceil((IMPORT_MAX_BYTES * 4) / 3) + 64 * 1024 },
  );

  route(app, importsApi.one, (req) => getImport({ ...ctx(req), id: req.params.id }));

  route(app, importsApi.remap, (req) => remapImport({ ...keyed(req), id: req.params.id, mapping: req.body.mapping }));

  route(app, importsApi.commit, (req) =>
    commitImport({ ...keyed(req), id: req.params.id, exclusive: app.database.kind === 'pglite' }),
  );

  route(app, importsApi.discard, async (req) => {
    await discardImport({ ...ctx(req), id: req.params.id });
    return OK;
  });

  route(app, importsApi.errors, async (req, reply) => {
    const job = await getImportFile({ ...ctx(req), id: req.params.id });
    const file = await buildErrorReport(job);
    const base = job.fileName.replace(/\.xlsx$/i, '');
    return reply
      .type(XLSX)
      .header('content-disposition', disposition('attachment', `${base}-错误行.xlsx`))
      .send(file);
  });

  route(app, importsApi.export, async (req, reply) => {
    const { stream, done } = await exportResidents({ ...keyed(req), query: req.query });
    done.catch((err: unknown) =>
      req.log.error({ err }, 'roster export failed after it started; the download was cut and audited as failed'),
    );
    return reply
      .type(XLSX)
      .header('content-disposition', disposition('attachment', `居民名册-${chinaToday()}.xlsx`))
      .send(stream);
  });
};
