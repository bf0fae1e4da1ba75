import { OK, route, staffCtx, type RouteApp } from '../../server/route';
import { sendListExport } from '../../server/xlsx-export';
import { fundingApi } from './funding.contract';
import { ledgerExport } from './funding.export';
import { createExpense, findExpenses, getExpense, reviewExpense, updateExpense } from './expenses.service';
import { findStandards, findTowns, getTownFunding, setAllocations, setBudget, setStandard } from './funding.service';

/** Funding (经费): each endpoint as its contract declares it. */
export const fundingRoutes = async (app: RouteApp) => {
  const ctx = staffCtx(app);

  route(app, fundingApi.standards, async (req) => ({ standards: await findStandards(ctx(req)) }));
  route(app, fundingApi.setStandard, async (req) => {
    await setStandard({ ...ctx(req), countyId: req.params.countyId, perResidentFen: req.body.perResidentFen });
    return OK;
  });
  route(app, fundingApi.towns, async (req) => ({
    year: req.query.year,
    towns: await findTowns({ ...ctx(req), year: req.query.year }),
  }));
  route(app, fundingApi.town, (req) =>
    getTownFunding({ ...ctx(req), townId: req.params.townId, year: req.query.year }),
  );
  route(app, fundingApi.setBudget, async (req) => {
    await setBudget({ ...ctx(req), townId: req.params.townId, input: req.body });
    return OK;
  });
  route(app, fundingApi.setAllocations, async (req) => {
    await setAllocations({ ...ctx(req), townId: req.params.townId, input: req.body });
    return OK;
  });

  route(app, fundingApi.list, (req) => findExpenses({ ...ctx(req), query: req.query }));
  route(app, fundingApi.export, (req, reply) => sendListExport(reply, ctx(req), ledgerExport(ctx(req), req.query)));
  route(app, fundingApi.one, (req) => getExpense({ ...ctx(req), id: req.params.id }));
  route(app, fundingApi.create, (req) => createExpense({ ...ctx(req), input: req.body }));
  route(app, fundingApi.update, async (req) => {
    await updateExpense({ ...ctx(req), id: req.params.id, input: req.body });
    return OK;
  });
  route(app, fundingApi.review, async (req) => {
    await reviewExpense({ ...ctx(req), id: req.params.id, input: req.body });
    return OK;
  });
};
