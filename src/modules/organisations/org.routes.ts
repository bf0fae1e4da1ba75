import { route, type RouteApp } from '../../server/route';
import { orgApi } from './org.contract';
import { createNode, findTree, getNode, moveNode, removeNode, updateNode } from './org.service';
import { removePopulation, setLeaders, setPopulation } from './org-details.service';

const ok = { ok: true as const };

/** The organisation tree. Handlers: validate (schema) → authorize and act (service) → answer. */
export const orgRoutes = async (app: RouteApp) => {
  const db = () => app.database.db;

  route(app, orgApi.tree, async (req) => ({ nodes: await findTree({ db: db(), actor: req.actor! }) }));
  route(app, orgApi.node, (req) => getNode({ db: db(), actor: req.actor!, id: req.params.id }));
  route(app, orgApi.create, (req) => createNode({ db: db(), actor: req.actor!, input: req.body }));
  route(app, orgApi.update, async (req) => {
    await updateNode({ db: db(), actor: req.actor!, id: req.params.id, input: req.body });
    return getNode({ db: db(), actor: req.actor!, id: req.params.id });
  });
  route(app, orgApi.move, async (req) => {
    await moveNode({ db: db(), actor: req.actor!, id: req.params.id, newParentId: req.body.newParentId });
    return ok;
  });
  route(app, orgApi.remove, async (req) => {
    await removeNode({ db: db(), actor: req.actor!, id: req.params.id });
    return ok;
  });
  route(app, orgApi.setPopulation, async (req) => {
    const { id, year } = req.params;
    await setPopulation({ db: db(), actor: req.actor!, id, year, population: req.body.population });
    return ok;
  });
  route(app, orgApi.removePopulation, async (req) => {
    await removePopulation({ db: db(), actor: req.actor!, id: req.params.id, year: req.params.year });
    return ok;
  });
  route(app, orgApi.setLeaders, async (req) => {
    await setLeaders({ db: db(), actor: req.actor!, id: req.params.id, leaders: req.body.leaders });
    return ok;
  });
};
