import { activityDone } from '../../server/events';
import { provideSignInCounts } from '../activities';
import { registerUploadPurpose } from '../files';
import { countSignIns } from './signin-counts';
import { canRunSignIn, SIGNIN_STAFF_ROLES } from './signin.policy';
import { payActivityDone } from './signin-credits';

/**
 * Sign-in's public surface. Sign-in sits above activities and credits: it gathers the facts
 * of an attendance and credits pays them; it also builds the learning record (sign-ins ×
 * activities × credits). The resident module (portal) sits above it.
 */
export { buildLearningRecord } from './learning-record.service';
export { attendanceInYear } from './attendance-year';
export { forgetResidentDevices, pruneResidentDevices } from './resident-device.service';
export { findMySignIns } from './my-sign-ins.service';

// An activity marked done pays the confirmed sign-ins whose rule waits for it (in the activity's transaction).
activityDone.listen(async (tx, { activityId, actorId }) => {
  await payActivityDone(tx, { activityId, actorId });
});

// The activity's page shows its sign-in counts (activities sits below and asks through this).
provideSignInCounts(countSignIns);

// Who may upload the photo of a paper sign-in sheet (files sits below and asks).
registerUploadPurpose('signin_sheet', { roles: SIGNIN_STAFF_ROLES, canUpload: canRunSignIn });
import './signin.waiting';

// Its routes, registered by src/server/modules.ts.
export { signInRoutes } from './signin.routes';
