import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../shared/pagination';
import { api } from '../../../web/api/client';
import type {
  AttendancePage,
  QrOut,
  RosterHit,
  SheetOut,
  SignInActivityItem,
  SignInRules,
  SignInStatus,
} from '../signin.contract';

export const signInKey = ['sign-in'] as const;

export function useSignInActivities(query: { when: 'today' | 'upcoming' | 'past'; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['sign-in', 'activities', query],
    queryFn: () => api.get<Page<SignInActivityItem>>('/api/sign-in/activities', query),
    placeholderData: keepPreviousData,
  });
}

export function useAttendance(activityId: string, query: { status?: SignInStatus; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['sign-in', 'attendance', activityId, query],
    queryFn: () => api.get<AttendancePage>(`/api/sign-in/activities/${activityId}/attendance`, query),
    placeholderData: keepPreviousData,
    refetchInterval: 15_000,
  });
}

/** The on-screen code: fetched again when the server says the next one is due. */
export function useScreenQr(activityId: string) {
  return useQuery({
    queryKey: ['sign-in', 'qr', activityId],
    queryFn: () => api.get<QrOut>(`/api/sign-in/activities/${activityId}/qr`),
    refetchInterval: (q) =>
      q.state.data ? Math.max(1_000, new Date(q.state.data.nextAt).getTime() - Date.now() + 300) : 5_000,
    staleTime: 0,
  });
}

export function useSheet(activityId: string) {
  return useQuery({
    queryKey: ['sign-in', 'sheet', activityId],
    queryFn: () => api.get<SheetOut>(`/api/sign-in/activities/${activityId}/sheet`),
  });
}

export function useRosterSearch(activityId: string, q: string) {
  return useQuery({
    queryKey: ['sign-in', 'roster', activityId, q],
    queryFn: async () =>
      (await api.get<{ items: RosterHit[] }>(`/api/sign-in/activities/${activityId}/roster`, { q })).items,
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}

export function useSignInRefresh() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: signInKey });
}

/** The county's sign-in window (minutes before the start, after the end). */
export function useSignInRules(countyId: string | undefined) {
  return useQuery({
    queryKey: ['sign-in', 'rules', countyId ?? ''],
    queryFn: () => api.get<SignInRules>(`/api/sign-in/rules/${countyId}`),
    enabled: !!countyId,
  });
}
