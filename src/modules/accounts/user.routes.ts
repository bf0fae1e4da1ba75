import { OK, route, staffCtx, type RouteApp } from '../../server/route';
import { sendListExport } from '../../server/xlsx-export';
import { createBulkAccounts } from './user-bulk.service';
import { usersExport } from './user.export';
import { usersApi } from './account.contract';
import { addRole, createUser, findUsers, getUser, removeRole, resetPassword, updateUser } from './user.service';

/** Accounts and their roles: each endpoint as the contract declares it. */
export const userRoutes = async (app: RouteApp) => {
  const ctx = staffCtx(app);

  route(app, usersApi.list, (req) => findUsers({ ...ctx(req), query: req.query }));
  route(app, usersApi.export, (req, reply) => sendListExport(reply, ctx(req), usersExport(ctx(req), req.query)));
  route(app, usersApi.one, (req) => getUser({ ...ctx(req), id: req.params.id }));
  route(app, usersApi.create, (req) => createUser({ ...ctx(req), input: req.body }));
  route(app, usersApi.update, async (req) => {
    await updateUser({ ...ctx(req), id: req.params.id, input: req.body });
    return getUser({ ...ctx(req), id: req.params.id });
  });
  route(app, usersApi.bulk, (req) => createBulkAccounts({ ...ctx(req), input: req.body }));
  route(app, usersApi.resetPassword, async (req) => {
    await resetPassword({ ...ctx(req), id: req.params.id, password: req.body.password });
    return OK;
  });
  route(app, usersApi.addRole, (req) => addRole({ ...ctx(req), userId: req.params.id, input: req.body }));
  route(app, usersApi.removeRole, async (req) => {
    const { id, assignmentId } = req.params;
    await removeRole({ ...ctx(req), userId: id, assignmentId });
    return OK;
  });
};
