import fs from 'node:fs';
import path from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { OK, perMinute, route, staffCtx, type RouteApp } from '../../server/route';
import { sendListExport } from '../../server/xlsx-export';
import { AppError } from '../../shared/app-error';
import {
  answerSurvey,
  enterPaper,
  getPoster,
  getSurveyForm,
  openSurveysFor,
  searchSurveyRoster,
} from './survey-responses.service';
import { getResults, resultsExport } from './survey-results.service';
import { surveyFormApi, surveysApi } from './surveys.contract';
import {
  createSurvey,
  findOwners,
  findSurveys,
  getSurvey,
  getSurveyRules,
  moveSurvey,
  setSurveyRules,
  updateSurvey,
} from './surveys.service';

/** The phone's survey page: its own small build (no React, no antd), from vite's third input. */
const SURVEY_HTML = 'src/modules/surveys/web/survey.html';

/** The phone page shows its own words for a refusal: its kind goes in a header beside the error. */
async function refusals<T>(reply: FastifyReply, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof AppError && typeof err.params.refusal === 'string')
      reply.header('x-survey-refusal', err.params.refusal);
    throw err;
  }
}

/** Surveys (问卷调查): staff's surveys, results, paper forms and posters; the resident's phone page. */
export const surveyRoutes = async (app: RouteApp) => {
  const ctx = staffCtx(app);
  const db = () => app.database.db;
  const origin = (req: FastifyRequest) => `${req.protocol}://${req.host}`;

  route(app, surveysApi.owners, (req) => findOwners(ctx(req)));
  route(app, surveysApi.list, (req) => findSurveys({ ...ctx(req), query: req.query }));
  route(app, surveysApi.one, (req) => getSurvey({ ...ctx(req), id: req.params.id }));
  route(app, surveysApi.create, (req) => createSurvey({ ...ctx(req), input: req.body }));
  route(app, surveysApi.update, async (req) => {
    await updateSurvey({ ...ctx(req), id: req.params.id, input: req.body });
    return OK;
  });
  route(app, surveysApi.publish, async (req) => {
    await moveSurvey({ ...ctx(req), id: req.params.id, to: 'published' });
    return OK;
  });
  route(app, surveysApi.close, async (req) => {
    await moveSurvey({ ...ctx(req), id: req.params.id, to: 'closed' });
    return OK;
  });
  route(app, surveysApi.results, (req) => getResults({ ...ctx(req), id: req.params.id, nodeId: req.query.nodeId }));
  route(app, surveysApi.resultsExport, (req, reply) =>
    sendListExport(reply, ctx(req), resultsExport(ctx(req), req.params.id, req.query.nodeId)),
  );
  route(app, surveysApi.roster, (req) => searchSurveyRoster({ ...ctx(req), id: req.params.id, q: req.query.q }));
  route(app, surveysApi.paper, async (req) => {
    await enterPaper({ ...ctx(req), id: req.params.id, ...req.body });
    return OK;
  });
  route(app, surveysApi.poster, (req) => getPoster({ ...ctx(req), id: req.params.id, origin: origin(req) }));
  route(app, surveysApi.rules, (req) => getSurveyRules({ ...ctx(req), countyId: req.params.countyId }));
  route(app, surveysApi.setRules, async (req) => {
    await setSurveyRules({ ...ctx(req), countyId: req.params.countyId, minSample: req.body.minSample });
    return OK;
  });

  const phone = (req: FastifyRequest<{ Params: { id: string } }>) => ({
    db: db(),
    id: req.params.id,
    resident: req.resident,
  });
  route(app, surveyFormApi.form, (req, reply) => refusals(reply, () => getSurveyForm(phone(req))));
  // Phone + name is matched against the roster: a guesser is slowed per address (a hall's Wi-Fi is generous).
  route(
    app,
    surveyFormApi.answer,
    async (req, reply) => {
      await refusals(reply, () =>
        answerSurvey({
          ...phone(req),
          csrfHeader: typeof req.headers['x-csrf-token'] === 'string' ? req.headers['x-csrf-token'] : undefined,
          input: req.body,
        }),
      );
      return OK;
    },
    perMinute(60),
  );
  route(app, surveyFormApi.mine, async (req) => ({ items: await openSurveysFor(db(), req.resident!) }));

  // The phone's survey page: its own HTML and script, not the staff app (not an API endpoint).
  const webDir = app.config.webDir;
  const page = webDir ? path.join(webDir, SURVEY_HTML) : null;
  if (page && fs.existsSync(page)) {
    const html = fs.readFileSync(page, 'utf8');
    app.get('/m/q/:id', { schema: { hide: true } }, async (_req, reply) =>
      reply.type('text/html').header('Cache-Control', 'no-cache').header('Referrer-Policy', 'no-referrer').send(html),
    );
  }
};
