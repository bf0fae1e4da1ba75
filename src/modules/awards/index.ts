// The awards module's public surface (评选表彰). It sits high in the module map: it reads people,
// teachers, activities, sign-in and credits through their index.ts, and nothing below calls it.
import { registerUploadPurpose } from '../files';
import { canNominate, NOMINATOR_ROLES } from './awards.policy';

// Who may upload a nomination's attachments (files sits below and asks): those who nominate for the centre.
registerUploadPurpose('award_material', { roles: NOMINATOR_ROLES, canUpload: canNominate });

// The published winners of a resident's county, for the phone pages (the portal links it).
export { findPublicWinners } from './nominees.service';

// Its routes, registered by src/server/modules.ts.
export { awardRoutes } from './awards.routes';
