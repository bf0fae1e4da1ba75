import { OK, route, staffCtx, type RouteApp } from '../../server/route';
import { sendListExport } from '../../server/xlsx-export';
import { activitiesExport } from './activities.export';
import { activitiesApi } from './activities.contract';
import { findActivities, getActivity, getOptions } from './activities.service';
import {
  addPhoto,
  cancelByStaff,
  findRegistrations,
  getRecords,
  registerByStaff,
  removePhoto,
  saveRecords,
} from './activity-records.service';
import { cancelActivity, changeStatus } from './activity-status.service';
import { createActivity, updateActivity } from './activity-write.service';
import { venuesApi } from './venues.contract';
import { createBookable, findBookables, findBookings, findRules, setRules, updateBookable } from './venues.service';

/** Activities (活动/课堂): series, bookings, status, registrations, records; venues and equipment. */
export const activityRoutes = async (app: RouteApp) => {
  const ctx = staffCtx(app);

  route(app, activitiesApi.list, (req) => findActivities({ ...ctx(req), query: req.query }));
  route(app, activitiesApi.export, async (req, reply) =>
    sendListExport(reply, ctx(req), await activitiesExport(ctx(req), req.query)),
  );
  route(app, activitiesApi.one, (req) => getActivity({ ...ctx(req), id: req.params.id }));
  route(app, activitiesApi.options, (req) => getOptions({ ...ctx(req), centreId: req.query.centreId }));
  route(app, activitiesApi.create, (req) => createActivity({ ...ctx(req), input: req.body }));
  route(app, activitiesApi.update, (req) => updateActivity({ ...ctx(req), id: req.params.id, input: req.body }));
  route(app, activitiesApi.changeStatus, async (req) => {
    await changeStatus({ ...ctx(req), id: req.params.id, status: req.body.status });
    return OK;
  });
  route(app, activitiesApi.cancel, (req) => cancelActivity({ ...ctx(req), id: req.params.id, input: req.body }));

  route(app, activitiesApi.registrations, (req) => findRegistrations({ ...ctx(req), id: req.params.id }));
  route(app, activitiesApi.register, (req) =>
    registerByStaff({ ...ctx(req), id: req.params.id, residentId: req.body.residentId }),
  );
  route(app, activitiesApi.unregister, async (req) => {
    await cancelByStaff({ ...ctx(req), id: req.params.id, residentId: req.params.residentId });
    return OK;
  });

  route(app, activitiesApi.records, (req) => getRecords({ ...ctx(req), id: req.params.id }));
  route(app, activitiesApi.saveRecords, async (req) => {
    await saveRecords({ ...ctx(req), id: req.params.id, input: req.body });
    return OK;
  });
  route(app, activitiesApi.addPhoto, async (req) => {
    const { fileId, caption } = req.body;
    await addPhoto({ ...ctx(req), id: req.params.id, fileId, caption });
    return OK;
  });
  route(app, activitiesApi.removePhoto, async (req) => {
    await removePhoto({ ...ctx(req), id: req.params.id, fileId: req.params.fileId });
    return OK;
  });

  route(app, venuesApi.list, (req) => findBookables({ ...ctx(req), query: req.query }));
  route(app, venuesApi.create, (req) => createBookable({ ...ctx(req), input: req.body }));
  route(app, venuesApi.update, async (req) => {
    await updateBookable({ ...ctx(req), id: req.params.id, input: req.body });
    return OK;
  });
  route(app, venuesApi.bookings, (req) => findBookings({ ...ctx(req), id: req.params.id, kind: req.query.kind }));
  route(app, venuesApi.rules, (req) => findRules(ctx(req)));
  route(app, venuesApi.setRules, async (req) => {
    await setRules({ ...ctx(req), countyId: req.params.countyId, days: req.body.noticeDays });
    return OK;
  });
};
