import { lazy, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Role } from '../../shared/roles';
import { PageLoading } from '../components/page-loading';
import { useAuth } from './auth-context';

// Lazy: antd's Result carries large pictures that the sign-in page should not download.
const ForbiddenPage = lazy(() => import('../pages/status-pages').then((m) => ({ default: m.ForbiddenPage })));

/** Only paths inside the app may be returned to after signing in. */
export function safeNext(next: string | null | undefined, fallback = '/'): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : fallback;
}

/** Signed-in users only; the page asked for is kept for after the sign-in. */
export function RequireAuth({
  children,
  allowPasswordDue = false,
}: {
  children: ReactNode;
  allowPasswordDue?: boolean;
}) {
  const { me, loading } = useAuth();
  const loc = useLocation();
  const here = loc.pathname + loc.search;
  if (loading) return <PageLoading />;
  if (!me) return <Navigate to={`/login?next=${encodeURIComponent(here)}`} replace />;
  if (me.user.mustChangePassword && !allowPasswordDue)
    return <Navigate to={`/change-password?next=${encodeURIComponent(here)}`} replace />;
  return children;
}

/** A screen for some roles only; others see a plain "no permission" page. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { hasRole } = useAuth();
  return hasRole(roles) ? children : <ForbiddenPage />;
}
