import { route, staffCtx, type RouteApp } from '../../server/route';
import { nominationsApi, selectionsApi } from './awards.contract';
import { decideNomination, reviewNomination, submitNomination } from './decisions.service';
import { createNomination, findNominations, getNomination, updateNomination } from './nominations.service';
import { findNominees, findPublicWinners } from './nominees.service';
import { getResults, publishSelection } from './publish.service';
import { createSelection, findSelections, getSelection, updateSelection } from './selections.service';

/** 评选表彰: each endpoint as awards.contract.ts declares it. */
export const awardRoutes = async (app: RouteApp) => {
  const ctx = staffCtx(app);

  route(app, selectionsApi.list, (req) => findSelections({ ...ctx(req), query: req.query }));
  route(app, selectionsApi.one, (req) => getSelection({ ...ctx(req), id: req.params.id }));
  route(app, selectionsApi.create, (req) => createSelection({ ...ctx(req), input: req.body }));
  route(app, selectionsApi.update, async (req) => {
    await updateSelection({ ...ctx(req), id: req.params.id, input: req.body });
    return getSelection({ ...ctx(req), id: req.params.id });
  });
  route(app, selectionsApi.publish, async (req) => {
    await publishSelection({ ...ctx(req), id: req.params.id });
    return getSelection({ ...ctx(req), id: req.params.id });
  });
  route(app, selectionsApi.results, (req) => getResults({ ...ctx(req), id: req.params.id }));

  route(app, nominationsApi.nominees, (req) => findNominees({ ...ctx(req), query: req.query }));
  route(app, nominationsApi.list, (req) => findNominations({ ...ctx(req), query: req.query }));
  route(app, nominationsApi.one, (req) => getNomination({ ...ctx(req), id: req.params.id }));
  route(app, nominationsApi.create, (req) => createNomination({ ...ctx(req), input: req.body }));
  route(app, nominationsApi.update, async (req) => {
    await updateNomination({ ...ctx(req), id: req.params.id, input: req.body });
    return getNomination({ ...ctx(req), id: req.params.id });
  });
  route(app, nominationsApi.submit, async (req) => {
    await submitNomination({ ...ctx(req), id: req.params.id });
    return getNomination({ ...ctx(req), id: req.params.id });
  });
  route(app, nominationsApi.review, async (req) => {
    await reviewNomination({ ...ctx(req), id: req.params.id, input: req.body });
    return getNomination({ ...ctx(req), id: req.params.id });
  });
  route(app, nominationsApi.decide, async (req) => {
    await decideNomination({ ...ctx(req), id: req.params.id, input: req.body });
    return getNomination({ ...ctx(req), id: req.params.id });
  });
  route(app, nominationsApi.winners, (req) => findPublicWinners(app.database.db, req.resident!.residentId));
};
