import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { authApi, type Me } from '../../modules/accounts/account.contract';
import { ERRORS } from '../../shared/app-error';
import type { Role } from '../../shared/roles';
import { call, lastServerContact, onApiError, setCsrfToken } from '../api/client';
import { ApiError, isApiError } from '../api/api-error';

export const ME_KEY = ['auth', 'me'] as const;

async function fetchMe(): Promise<Me | null> {
  try {
    return await call(authApi.me, {}, { silent: true });
  } catch (err) {
    if (isApiError(err) && err.status === 401) return null;
    throw err;
  }
}

type Auth = {
  me: Me | null;
  loading: boolean;
  /** Why the user was signed out (session expired…), shown once on the sign-in page. */
  signedOutBecause: ApiError | null;
  login: (login: string, password: string) => Promise<Me>;
  logout: () => Promise<void>;
  refresh: () => Promise<void>;
  hasRole: (roles: readonly Role[]) => boolean;
};

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const meQuery = useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: Infinity, retry: 1 });
  const me = meQuery.data ?? null;
  const [signedOutBecause, setSignedOutBecause] = useState<ApiError | null>(null);

  useEffect(() => setCsrfToken(me?.csrfToken ?? null), [me]);

  /** Forget everything cached for the previous user. */
  const dropUserData = useCallback(() => {
    qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
  }, [qc]);

  useEffect(
    () =>
      onApiError((err) => {
        if (err.isSignedOut) {
          setSignedOutBecause(err);
          qc.setQueryData(ME_KEY, null);
          dropUserData();
        } else if (err.code === 'PASSWORD_CHANGE_REQUIRED') {
          void qc.invalidateQueries({ queryKey: ME_KEY });
        }
      }),
    [qc, dropUserData],
  );

  // The server ends a session after idleTimeoutMinutes without a request. Ask once the time
  // has passed, so the user lands on the sign-in page instead of a failing form.
  useEffect(() => {
    if (!me) return;
    const limit = me.idleTimeoutMinutes * 60_000 + 5_000;
    const timer = window.setInterval(() => {
      if (Date.now() - lastServerContact() > limit) {
        void fetchMe()
          .then((fresh) => {
            if (!fresh) {
              setSignedOutBecause(expiredError());
              qc.setQueryData(ME_KEY, null);
              dropUserData();
            }
          })
          .catch(() => undefined);
      }
    }, 30_000);
    return () => window.clearInterval(timer);
  }, [me, qc, dropUserData]);

  const value = useMemo<Auth>(
    () => ({
      me,
      loading: meQuery.isPending,
      signedOutBecause,
      async login(login, password) {
        const fresh = await call(authApi.login, { body: { login, password } }, { silent: true });
        setCsrfToken(fresh.csrfToken);
        dropUserData();
        setSignedOutBecause(null);
        qc.setQueryData(ME_KEY, fresh);
        return fresh;
      },
      async logout() {
        try {
          await call(authApi.logout, {}, { silent: true });
        } catch {
          // already signed out on the server: nothing to undo
        }
        setSignedOutBecause(null);
        qc.setQueryData(ME_KEY, null);
        dropUserData();
      },
      async refresh() {
        await qc.invalidateQueries({ queryKey: ME_KEY });
      },
      hasRole: (roles) => !!me?.scopes.some((s) => roles.includes(s.role)),
    }),
    [me, meQuery.isPending, signedOutBecause, qc, dropUserData],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

function expiredError(): ApiError {
  const e = ERRORS.SESSION_EXPIRED;
  return new ApiError(401, { code: 'SESSION_EXPIRED', message: e['zh-CN'], messageEn: e['en-US'] });
}

export function useAuth(): Auth {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** The signed-in user; only for screens behind RequireAuth. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe without a signed-in user');
  return me;
}
