// The public surface of the portal module: residents' phone accounts and sessions, and the resident's own routes.
export { loadResidentSession, RESIDENT_COOKIE, type ResidentPrincipal } from './resident-session.service';
export { portalRoutes } from './portal.routes';
