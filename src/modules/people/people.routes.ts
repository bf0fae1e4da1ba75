import { OK, protectedCtx, route, type RouteApp } from '../../server/route';
import { createHousehold, findHouseholds, getHousehold, updateHousehold } from './household.service';
import { peopleApi } from './people.contract';
import { addConsent, exportResident, removeResident, revealResident, withdrawConsent } from './resident-rights.service';
import { createResident, findResidents, getResident, updateResident } from './resident.service';
import { residentStats } from './stats.service';
import { createTagDef, findTagDefs, removeTagDef, updateTagDef } from './tag.service';

/**
 * Residents (居民): roster, one form, the person's rights (reveal, export, delete), consents,
 * counts; households (户) and the county's special-group tag list. Each endpoint as its contract declares it.
 */
export const peopleRoutes = async (app: RouteApp) => {
  const ctx = protectedCtx(app);

  route(app, peopleApi.list, (req) => findResidents({ ...ctx(req), query: req.query }));
  route(app, peopleApi.stats, (req) => residentStats({ ...ctx(req), nodeId: req.query.nodeId }));
  route(app, peopleApi.one, (req) => getResident({ ...ctx(req), id: req.params.id }));
  route(app, peopleApi.create, (req) => createResident({ ...ctx(req), input: req.body }));
  route(app, peopleApi.update, (req) => updateResident({ ...ctx(req), id: req.params.id, input: req.body }));
  route(app, peopleApi.remove, (req) => removeResident({ ...ctx(req), id: req.params.id }));
  route(app, peopleApi.reveal, (req) => revealResident({ ...ctx(req), id: req.params.id, field: req.body.field }));
  route(app, peopleApi.export, async (req, reply) => {
    const data = await exportResident({ ...ctx(req), id: req.params.id });
    reply.header('Content-Disposition', `attachment; filename="resident-${req.params.id}.json"`);
    return data;
  });
  route(app, peopleApi.addConsent, (req) => addConsent({ ...ctx(req), id: req.params.id, input: req.body }));
  route(app, peopleApi.withdrawConsent, async (req) => {
    await withdrawConsent({ ...ctx(req), id: req.params.id, consentId: req.params.consentId });
    return OK;
  });

  route(app, peopleApi.households, (req) => findHouseholds({ ...ctx(req), query: req.query }));
  route(app, peopleApi.household, (req) => getHousehold({ ...ctx(req), id: req.params.id }));
  route(app, peopleApi.createHousehold, (req) => createHousehold({ ...ctx(req), input: req.body }));
  route(app, peopleApi.updateHousehold, async (req) => {
    await updateHousehold({ ...ctx(req), id: req.params.id, input: req.body });
    return OK;
  });

  route(app, peopleApi.tags, (req) => findTagDefs({ ...ctx(req), countyId: req.params.countyId }));
  route(app, peopleApi.createTag, async (req) => {
    await createTagDef({ ...ctx(req), countyId: req.params.countyId, input: req.body });
    return OK;
  });
  route(app, peopleApi.updateTag, async (req) => {
    await updateTagDef({ ...ctx(req), countyId: req.params.countyId, code: req.params.code, input: req.body });
    return OK;
  });
  route(app, peopleApi.removeTag, async (req) => {
    await removeTagDef({ ...ctx(req), countyId: req.params.countyId, code: req.params.code });
    return OK;
  });
};
