import { route, type RouteApp } from '../../server/route';
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

const ok = { ok: true as const };

/** Activities (活动/课堂): series, bookings, status, registrations, records; venues and equipment. */
export const activityRoutes = async (app: RouteApp) => {
  const db = () => app.database.db;

  route(app, activitiesApi.list, (req) => findActivities({ db: db(), actor: req.actor!, query: req.query }));
  route(app, activitiesApi.one, (req) => getActivity({ db: db(), actor: req.actor!, id: req.params.id }));
  route(app, activitiesApi.options, (req) => getOptions({ db: db(), actor: req.actor!, centreId: req.query.centreId }));
  route(app, activitiesApi.create, (req) => createActivity({ db: db(), actor: req.actor!, input: req.body }));
  route(app, activitiesApi.update, (req) =>
    updateActivity({ db: db(), actor: req.actor!, id: req.params.id, input: req.body }),
  );
  route(app, activitiesApi.changeStatus, async (req) => {
    await changeStatus({ db: db(), actor: req.actor!, id: req.params.id, status: req.body.status });
    return ok;
  });
  route(app, activitiesApi.cancel, (req) =>
    cancelActivity({ db: db(), actor: req.actor!, id: req.params.id, input: req.body }),
  );

  route(app, activitiesApi.registrations, (req) =>
    findRegistrations({ db: db(), actor: req.actor!, id: req.params.id }),
  );
  route(app, activitiesApi.register, (req) =>
    registerByStaff({ db: db(), actor: req.actor!, id: req.params.id, residentId: req.body.residentId }),
  );
  route(app, activitiesApi.unregister, async (req) => {
    await cancelByStaff({ db: db(), actor: req.actor!, id: req.params.id, residentId: req.params.residentId });
    return ok;
  });

  route(app, activitiesApi.records, (req) => getRecords({ db: db(), actor: req.actor!, id: req.params.id }));
  route(app, activitiesApi.saveRecords, async (req) => {
    await saveRecords({ db: db(), actor: req.actor!, id: req.params.id, input: req.body });
    return ok;
  });
  route(app, activitiesApi.addPhoto, async (req) => {
    const { fileId, caption } = req.body;
    await addPhoto({ db: db(), actor: req.actor!, id: req.params.id, fileId, caption });
    return ok;
  });
  route(app, activitiesApi.removePhoto, async (req) => {
    await removePhoto({ db: db(), actor: req.actor!, id: req.params.id, fileId: req.params.fileId });
    return ok;
  });

  route(app, venuesApi.list, (req) => findBookables({ db: db(), actor: req.actor!, query: req.query }));
  route(app, venuesApi.create, (req) => createBookable({ db: db(), actor: req.actor!, input: req.body }));
  route(app, venuesApi.update, async (req) => {
    await updateBookable({ db: db(), actor: req.actor!, id: req.params.id, input: req.body });
    return ok;
  });
  route(app, venuesApi.bookings, (req) =>
    findBookings({ db: db(), actor: req.actor!, id: req.params.id, kind: req.query.kind }),
  );
  route(app, venuesApi.rules, (req) => findRules({ db: db(), actor: req.actor! }));
  route(app, venuesApi.setRules, async (req) => {
    await setRules({ db: db(), actor: req.actor!, countyId: req.params.countyId, days: req.body.noticeDays });
    return ok;
  });
};
