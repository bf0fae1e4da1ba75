import { route, type RouteApp } from '../../server/route';
import { usersApi } from './account.contract';
import { addRole, createUser, findUsers, getUser, removeRole, resetPassword, updateUser } from './user.service';

const ok = { ok: true as const };

/** Accounts and their roles: each endpoint as the contract declares it. */
export const userRoutes = async (app: RouteApp) => {
  const db = () => app.database.db;

  route(app, usersApi.list, (req) => findUsers({ db: db(), actor: req.actor!, query: req.query }));
  route(app, usersApi.one, (req) => getUser({ db: db(), actor: req.actor!, id: req.params.id }));
  route(app, usersApi.create, (req) => createUser({ db: db(), actor: req.actor!, input: req.body }));
  route(app, usersApi.update, async (req) => {
    await updateUser({ db: db(), actor: req.actor!, id: req.params.id, input: req.body });
    return getUser({ db: db(), actor: req.actor!, id: req.params.id });
  });
  route(app, usersApi.resetPassword, async (req) => {
    await resetPassword({ db: db(), actor: req.actor!, id: req.params.id, password: req.body.password });
    return ok;
  });
  route(app, usersApi.addRole, (req) =>
    addRole({ db: db(), actor: req.actor!, userId: req.params.id, input: req.body }),
  );
  route(app, usersApi.removeRole, async (req) => {
    const { id, assignmentId } = req.params;
    await removeRole({ db: db(), actor: req.actor!, userId: id, assignmentId });
    return ok;
  });
};
