// TEMPORARY (issue 9): the three upload purposes, registered here until their owners register
// them in their own index.ts (courses: course_material, activities: activity_photo, signin:
// signin_sheet). The lead deletes this file, and its import in files.routes.ts, when pasting them.
import { canKeepActivity } from '../activities/activities.policy';
// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- temporary, see above
import { ACTIVITY_KEEPER_ROLES } from '../activities/activities.roles';
import { canRunSignIn, SIGNIN_STAFF_ROLES } from '../signin/signin.policy';
import { registerUploadPurpose } from './files.policy';

registerUploadPurpose('activity_photo', { roles: ACTIVITY_KEEPER_ROLES, canUpload: canKeepActivity });
registerUploadPurpose('signin_sheet', { roles: SIGNIN_STAFF_ROLES, canUpload: canRunSignIn });
