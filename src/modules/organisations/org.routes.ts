import { OK, route, staffCtx, type RouteApp } from '../../server/route';
import { orgApi } from './org.contract';
import { createNode, findTree, getNode, moveNode, removeNode, updateNode } from './org.service';
import { removePopulation, setLeaders, setPopulation } from './org-details.service';
import { adoptDivisions, divisionTree, listDivisions } from './org-divisions.service';

/** The organisation tree. Handlers: validate (schema) → authorize and act (service) → answer. */
export const orgRoutes = async (app: RouteApp) => {
  const ctx = staffCtx(app);

  route(app, orgApi.tree, async (req) => ({ nodes: await findTree(ctx(req)) }));
  route(app, orgApi.node, (req) => getNode({ ...ctx(req), id: req.params.id }));
  route(app, orgApi.create, (req) => createNode({ ...ctx(req), input: req.body }));
  route(app, orgApi.update, async (req) => {
    await updateNode({ ...ctx(req), id: req.params.id, input: req.body });
    return getNode({ ...ctx(req), id: req.params.id });
  });
  route(app, orgApi.move, async (req) => {
    await moveNode({ ...ctx(req), id: req.params.id, newParentId: req.body.newParentId });
    return OK;
  });
  route(app, orgApi.remove, async (req) => {
    await removeNode({ ...ctx(req), id: req.params.id });
    return OK;
  });
  route(app, orgApi.setPopulation, async (req) => {
    const { id, year } = req.params;
    await setPopulation({ ...ctx(req), id, year, population: req.body.population });
    return OK;
  });
  route(app, orgApi.removePopulation, async (req) => {
    await removePopulation({ ...ctx(req), id: req.params.id, year: req.params.year });
    return OK;
  });
  route(app, orgApi.divisions, (req) => listDivisions({ ...ctx(req), under: req.query.under }));
  route(app, orgApi.divisionTree, (req) => divisionTree({ ...ctx(req), id: req.params.id, code: req.query.code }));
  route(app, orgApi.adoptDivisions, (req) => adoptDivisions({ ...ctx(req), id: req.params.id, input: req.body }));
  route(app, orgApi.setLeaders, async (req) => {
    await setLeaders({ ...ctx(req), id: req.params.id, leaders: req.body.leaders });
    return OK;
  });
};
