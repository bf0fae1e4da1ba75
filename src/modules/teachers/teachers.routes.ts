import { route, type RouteApp } from '../../server/route';
import { staffingApi } from './staffing.contract';
import { findStaffing, setNorm } from './staffing.service';
import { teachersApi } from './teachers.contract';
import { changeStatus, createTeacher, findBanks, findTeachers, getTeacher, updateTeacher } from './teachers.service';
import { volunteerApi } from './volunteer.contract';
import { findHours, findMyHours, getServiceRecord, reviewHours, submitHours } from './volunteer.service';

/** The teacher bank (师资库), volunteer hours and the staffing norm: each endpoint as its contract declares it. */
export const teacherRoutes = async (app: RouteApp) => {
  const db = () => app.database.db;

  route(app, teachersApi.banks, async (req) => ({ banks: await findBanks({ db: db(), actor: req.actor! }) }));
  route(app, teachersApi.list, (req) => findTeachers({ db: db(), actor: req.actor!, query: req.query }));
  route(app, teachersApi.one, (req) => getTeacher({ db: db(), actor: req.actor!, id: req.params.id }));
  route(app, teachersApi.create, (req) => createTeacher({ db: db(), actor: req.actor!, input: req.body }));
  route(app, teachersApi.update, async (req) => {
    await updateTeacher({ db: db(), actor: req.actor!, id: req.params.id, input: req.body });
    return getTeacher({ db: db(), actor: req.actor!, id: req.params.id });
  });
  route(app, teachersApi.changeStatus, async (req) => {
    await changeStatus({ db: db(), actor: req.actor!, id: req.params.id, input: req.body });
    return getTeacher({ db: db(), actor: req.actor!, id: req.params.id });
  });

  route(app, volunteerApi.serviceRecord, (req) =>
    getServiceRecord({ db: db(), actor: req.actor!, teacherId: req.params.id, query: req.query }),
  );
  route(app, volunteerApi.mine, (req) => findMyHours({ db: db(), actor: req.actor!, query: req.query }));
  route(app, volunteerApi.list, (req) => findHours({ db: db(), actor: req.actor!, query: req.query }));
  route(app, volunteerApi.submit, (req) => submitHours({ db: db(), actor: req.actor!, input: req.body }));
  route(app, volunteerApi.review, async (req) => {
    await reviewHours({ db: db(), actor: req.actor!, id: req.params.id, input: req.body });
    return { ok: true as const };
  });

  route(app, staffingApi.list, (req) => findStaffing({ db: db(), actor: req.actor!, query: req.query }));
  route(app, staffingApi.setNorm, async (req) => {
    await setNorm({ db: db(), actor: req.actor!, countyId: req.params.countyId, input: req.body });
    return { ok: true as const };
  });
};
