import type { EndpointInput } from '../../../shared/endpoint';
import { useApi } from '../../../web/api/hooks';
import { signInApi } from '../signin.contract';

// Every read of the module, typed by its endpoint declaration (no paths or answer types here).

export type SignInActivityListQuery = EndpointInput<typeof signInApi.activities>['query'];
export type AttendanceListQuery = EndpointInput<typeof signInApi.attendance>['query'];

export function useSignInActivities(query: SignInActivityListQuery) {
  return useApi(signInApi.activities, { query }, { keepPrevious: true });
}

export function useAttendance(activityId: string, query: AttendanceListQuery) {
  return useApi(
    signInApi.attendance,
    { params: { activityId }, query },
    { keepPrevious: true, refetchInterval: 15_000 },
  );
}

/** The on-screen code: fetched again when the server says the next one is due. */
export function useScreenQr(activityId: string) {
  return useApi(
    signInApi.qr,
    { params: { activityId } },
    {
      refetchInterval: (q) =>
        q.state.data ? Math.max(1_000, new Date(q.state.data.nextAt).getTime() - Date.now() + 300) : 5_000,
      staleTime: 0,
    },
  );
}

export function useSheet(activityId: string) {
  return useApi(signInApi.sheet, { params: { activityId } });
}

export function useRosterSearch(activityId: string, q: string) {
  return useApi(
    signInApi.roster,
    { params: { activityId }, query: { q } },
    { enabled: q.trim().length > 0, keepPrevious: true, select: (d) => d.items },
  );
}

/** The county's sign-in window (minutes before the start, after the end). */
export function useSignInRules(countyId: string | undefined) {
  return useApi(signInApi.rules, { params: { countyId: countyId ?? '' } }, { enabled: !!countyId });
}

/** Where an activity is held, as the QR screen and the sheet print it: the centre, then the venue (or place typed). */
export const placeText = (a: { place: string | null; centreName: string }) =>
  a.place ? `${a.centreName} · ${a.place}` : a.centreName;
