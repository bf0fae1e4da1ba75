import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
  type QueryKey,
} from '@tanstack/react-query';
import type { Endpoint, EndpointInput, EndpointOutput } from '../../../shared/endpoint';
import { errorText } from '../../../web/api/api-error';
import { useI18n } from '../../../web/i18n/i18n';
import { portalApi } from '../portal.contract';
import { residentAuthApi } from '../resident-auth.contract';
import { surveyFormApi } from '../../surveys/surveys.contract';
import { nominationsApi } from '../../awards/awards.contract';
import { meCall, setResidentCsrf } from './portal-api';
import type { PhonePath } from './phone-router';
import { say } from './phone-ui';

// Every read of the resident's pages, typed by its endpoint declaration (no paths or answer types here).

export const RESIDENT_ME_KEY = ['resident', 'me'] as const;

/** The signed-in resident (the resident's own endpoint, never the staff session's), or null. */
export function useResidentMe() {
  return useQuery({
    queryKey: RESIDENT_ME_KEY,
    queryFn: async () => {
      try {
        const me = await meCall(residentAuthApi.me);
        setResidentCsrf(me.csrfToken);
        return me;
      } catch (err) {
        if ((err as { status?: number }).status === 401) return null;
        throw err;
      }
    },
    staleTime: Infinity,
  });
}

/** One of my answers, read with my own session under `['resident', …key]`. */
const mine = <E extends Endpoint>(key: unknown[], e: E, input?: EndpointInput<E>) => ({
  queryKey: ['resident', ...key],
  queryFn: (): Promise<EndpointOutput<E>> => meCall(e, input),
});

const activities = (scope: 'mine' | 'near', pageSize: number) =>
  mine(['activities', scope, pageSize], portalApi.activities, { query: { scope, pageSize } });
const signIns = (pageSize: number) => mine(['sign-ins', pageSize], portalApi.signIns, { query: { pageSize } });
const record = () => mine(['record'], portalApi.learningRecord);
const credits = (pageSize: number) => mine(['credits', pageSize], portalApi.credits, { query: { pageSize } });
const rewards = () => mine(['rewards'], portalApi.rewards, { query: { pageSize: 50 } });
const redemptions = () => mine(['redemptions'], portalApi.redemptions, { query: { pageSize: 20 } });

/** The first page of each list. */
export const FIRST = { activities: 20, signIns: 20, credits: 10 } as const;

// A growing list (`more`) keeps showing what it had while the longer page loads.
export const useMyActivities = (scope: 'mine' | 'near', pageSize: number) =>
  useQuery({ ...activities(scope, pageSize), placeholderData: keepPreviousData });
export const useMySignIns = (pageSize: number) => useQuery({ ...signIns(pageSize), placeholderData: keepPreviousData });
export const useMyRecord = () => useQuery(record());
export const useMyCredits = (pageSize: number) => useQuery({ ...credits(pageSize), placeholderData: keepPreviousData });
export const useMyRewards = () => useQuery(rewards());
export const useMyRedemptions = () => useQuery(redemptions());
/** Surveys open to me that I have not answered (the surveys module's list), for the home page. */
export const useMySurveys = () => useQuery(mine(['surveys'], surveyFormApi.mine));
const winners = () => mine(['award-winners'], nominationsApi.winners);
/** The county's published honour rolls (the awards module's list). */
export const useWinners = () => useQuery(winners());

/** What each page reads first: asked for at once, beside the session check. */
const FIRST_READS: Record<PhonePath, () => { queryKey: QueryKey; queryFn: () => Promise<unknown> }[]> = {
  '/m': () => [activities('mine', FIRST.activities)],
  '/m/record': () => [signIns(FIRST.signIns), record()],
  '/m/credits': () => [credits(FIRST.credits), rewards(), redemptions()],
  '/m/me': () => [],
  '/m/awards': () => [winners()],
};

/**
 * Whether this phone was signed in when last seen (a hint on the phone, not a credential): then a
 * page's first reads need not wait for the session check. A phone never signed in asks nothing
 * that would only be refused.
 */
const SIGNED_IN_HINT = 'cedu.resident.seen';
export function rememberSignedIn(on: boolean): void {
  try {
    if (on) localStorage.setItem(SIGNED_IN_HINT, '1');
    else localStorage.removeItem(SIGNED_IN_HINT);
  } catch {
    /* no hint: the page waits for the session check */
  }
}
const seenSignedIn = () => {
  try {
    return localStorage.getItem(SIGNED_IN_HINT) === '1';
  } catch {
    return false;
  }
};

/** Starts a page's first reads when the resident is signed in, or was when this phone last saw. */
export function prefetchPage(qc: QueryClient, path: PhonePath): void {
  const me = qc.getQueryData(RESIDENT_ME_KEY);
  if (me === null || (me === undefined && !seenSignedIn())) return;
  for (const { queryKey, queryFn } of FIRST_READS[path]()) void qc.prefetchQuery({ queryKey, queryFn });
}

/** After a change: everything of the resident is read again. */
export function useResidentRefresh() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['resident'], predicate: (q) => q.queryKey[1] !== 'me' });
}

/**
 * A change of mine (register, cancel, redeem): sent with my session's token; after it, the
 * words for what happened and all my answers read again; a refusal in the reader's language.
 */
export function useMyChange<E extends Endpoint>(e: E, done: (out: EndpointOutput<E>) => string) {
  const { locale } = useI18n();
  const refresh = useResidentRefresh();
  const m = useMutation<EndpointOutput<E>, unknown, EndpointInput<E>>({
    mutationFn: (input) => meCall(e, input),
    onSuccess: async (out) => {
      say(done(out));
      await refresh();
    },
    onError: (err) => say(errorText(err, locale), 'bad'),
  });
  return { run: (input: EndpointInput<E>) => m.mutate(input), busy: m.isPending };
}
