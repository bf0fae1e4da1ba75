import { loadCounty } from '../../server/tree-scope';
import { OK, route, staffCtx, type RouteApp } from '../../server/route';
import { forbidden } from '../../shared/app-error';
import { sendDownload } from '../../server/download';
import { calendarOf } from './report-calendar';
import { exportReport, exportSummary } from './report-files';
import { findOverview, getReport } from './report-read.service';
import { reviewReport, saveReport, saveReportSettings, setMonthLock, submitReport } from './report-write.service';
import { monthKey, reportsApi } from './reports.contract';
import { canReadReportSettings, canSetReportSettings } from './reports.policy';
import { getSummary, saveSummary } from './summary.service';

/** Monthly reports, annual summaries and the reporting calendar: each endpoint as its contract declares it. */
export const reportRoutes = async (app: RouteApp) => {
  const ctx = staffCtx(app);
  route(app, reportsApi.overview, (req) => findOverview({ ...ctx(req), ...req.query }));
  route(app, reportsApi.get, (req) => getReport({ ...ctx(req), ...req.params }));
  route(app, reportsApi.save, async (req) => {
    await saveReport({ ...ctx(req), ...req.params, body: req.body.body });
    return OK;
  });
  route(app, reportsApi.submit, async (req) => {
    await submitReport({ ...ctx(req), ...req.params, body: req.body.body });
    return OK;
  });
  route(app, reportsApi.review, async (req) => {
    await reviewReport({ ...ctx(req), ...req.params, decision: req.body.decision, comment: req.body.comment });
    return OK;
  });
  route(app, reportsApi.lock, async (req) => {
    await setMonthLock({ ...ctx(req), ...req.params, unlock: req.body.unlock, reason: req.body.reason });
    return OK;
  });
  route(app, reportsApi.summary, (req) => getSummary({ ...ctx(req), ...req.params }));
  route(app, reportsApi.saveSummary, async (req) => {
    await saveSummary({ ...ctx(req), ...req.params, ...req.body });
    return OK;
  });
  route(app, reportsApi.exportReport, async (req, reply) => {
    const file = await exportReport({ ...ctx(req), ...req.params, format: req.query.format });
    return sendDownload(reply, file);
  });
  route(app, reportsApi.exportSummary, async (req, reply) => {
    const file = await exportSummary({ ...ctx(req), ...req.params, format: req.query.format });
    return sendDownload(reply, file);
  });
  route(app, reportsApi.settings, async (req) => {
    const { db, actor } = ctx(req);
    const county = await loadCounty(db, actor, req.params.countyId, canReadReportSettings);
    const { start, ...settings } = await calendarOf(db, county.id);
    return { ...settings, start: monthKey(start), canEdit: canSetReportSettings(actor, county) };
  });
  route(app, reportsApi.setSettings, async (req) => {
    const { db, actor } = ctx(req);
    const county = await loadCounty(db, actor, req.params.countyId, canReadReportSettings);
    if (!canSetReportSettings(actor, county)) throw forbidden();
    await saveReportSettings(db, actor, county, req.body);
    return OK;
  });
};
