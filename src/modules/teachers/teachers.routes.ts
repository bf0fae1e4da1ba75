import { OK, route, staffCtx, type RouteApp } from '../../server/route';
import { sendListExport } from '../../server/xlsx-export';
import { staffingApi } from './staffing.contract';
import { findStaffing, setNorm } from './staffing.service';
import { teachersApi } from './teachers.contract';
import { hoursExport, teachersExport } from './teachers.export';
import { changeStatus, createTeacher, findBanks, findTeachers, getTeacher, updateTeacher } from './teachers.service';
import { volunteerApi } from './volunteer.contract';
import { findHours, findMyHours, getServiceRecord, reviewHours, submitHours } from './volunteer.service';

/** The teacher bank (师资库), volunteer hours and the staffing norm: each endpoint as its contract declares it. */
export const teacherRoutes = async (app: RouteApp) => {
  const ctx = staffCtx(app);

  route(app, teachersApi.banks, async (req) => ({ banks: await findBanks(ctx(req)) }));
  route(app, teachersApi.list, (req) => findTeachers({ ...ctx(req), query: req.query }));
  route(app, teachersApi.export, (req, reply) => sendListExport(reply, ctx(req), teachersExport(ctx(req), req.query)));
  route(app, teachersApi.one, (req) => getTeacher({ ...ctx(req), id: req.params.id }));
  route(app, teachersApi.create, (req) => createTeacher({ ...ctx(req), input: req.body }));
  route(app, teachersApi.update, async (req) => {
    await updateTeacher({ ...ctx(req), id: req.params.id, input: req.body });
    return getTeacher({ ...ctx(req), id: req.params.id });
  });
  route(app, teachersApi.changeStatus, async (req) => {
    await changeStatus({ ...ctx(req), id: req.params.id, input: req.body });
    return getTeacher({ ...ctx(req), id: req.params.id });
  });

  route(app, volunteerApi.serviceRecord, (req) =>
    getServiceRecord({ ...ctx(req), teacherId: req.params.id, query: req.query }),
  );
  route(app, volunteerApi.mine, (req) => findMyHours({ ...ctx(req), query: req.query }));
  route(app, volunteerApi.list, (req) => findHours({ ...ctx(req), query: req.query }));
  route(app, volunteerApi.export, (req, reply) => sendListExport(reply, ctx(req), hoursExport(ctx(req), req.query)));
  route(app, volunteerApi.submit, (req) => submitHours({ ...ctx(req), input: req.body }));
  route(app, volunteerApi.review, async (req) => {
    await reviewHours({ ...ctx(req), id: req.params.id, input: req.body });
    return OK;
  });

  route(app, staffingApi.list, (req) => findStaffing({ ...ctx(req), query: req.query }));
  route(app, staffingApi.setNorm, async (req) => {
    await setNorm({ ...ctx(req), countyId: req.params.countyId, input: req.body });
    return OK;
  });
};
