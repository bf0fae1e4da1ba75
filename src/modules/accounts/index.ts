// The public surface of the accounts module: staff accounts, sessions, sign-in and passwords.

export { loadSession, pruneSessions, SESSION_COOKIE } from './session.service';
export { assertPasswordRules, passwordChangeDue, pruneLoginFailures } from './auth.service';
export { hashPassword, timingDummyHash, verifyPassword } from './password';
export { createSystemAdmin, firstRunCode, setupState } from './first-admin.service';
export { accountRef, userNames, type AccountRef } from './user-directory';

// Its routes, registered by src/server/modules.ts.
export { authRoutes } from './auth.routes';
export { setupRoutes } from './setup.routes';
export { userRoutes } from './user.routes';
