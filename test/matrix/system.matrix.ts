import { type Matrix } from './context';

/** Public and self-only routes. */
export const SYSTEM_MATRIX: Matrix = {
  'GET /api/health': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'self',
  'GET /api/auth/me': 'self',
  'POST /api/auth/password': 'self',
};
