import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../shared/pagination';
import { api } from '../../../web/api/client';
import type {
  Activity,
  ActivityDetail,
  ActivityOptions,
  ActivityStatus,
  Records,
  Registration,
} from '../activities.contract';
import type { Bookable, BookableKind, Booking, Rules } from '../venues.contract';

export type ActivityListQuery = {
  centreId?: string;
  month?: string;
  status?: ActivityStatus;
  theme?: string;
  q?: string;
  page: number;
  pageSize: number;
};

export function useActivityList(query: ActivityListQuery) {
  return useQuery({
    queryKey: ['activities', 'list', query],
    queryFn: () => api.get<Page<Activity>>('/api/activities', query),
    placeholderData: keepPreviousData,
  });
}

export function useActivity(id: string | undefined) {
  return useQuery({
    queryKey: ['activities', 'one', id ?? ''],
    queryFn: () => api.get<ActivityDetail>(`/api/activities/${id}`),
    enabled: !!id,
  });
}

export function useActivityOptions(centreId: string | undefined) {
  return useQuery({
    queryKey: ['activities', 'options', centreId ?? ''],
    queryFn: () => api.get<ActivityOptions>('/api/activity-options', { centreId }),
    enabled: !!centreId,
    staleTime: 30_000,
  });
}

export function useRegistrations(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['activities', 'registrations', id],
    queryFn: () => api.get<{ items: Registration[] }>(`/api/activities/${id}/registrations`),
    enabled,
  });
}

export function useRecords(id: string) {
  return useQuery({
    queryKey: ['activities', 'records', id],
    queryFn: () => api.get<Records>(`/api/activities/${id}/records`),
  });
}

/** After any change to activities: lists, details, registrations and records are read again. */
export function useActivitiesRefresh() {
  const qc = useQueryClient();
  return () =>
    Promise.all([qc.invalidateQueries({ queryKey: ['activities'] }), qc.invalidateQueries({ queryKey: ['plans'] })]);
}

export type BookableListQuery = { kind: BookableKind; nodeId?: string; page: number; pageSize: number };

export function useBookables(query: BookableListQuery) {
  return useQuery({
    queryKey: ['venues', query],
    queryFn: () => api.get<Page<Bookable>>('/api/venues', query),
    placeholderData: keepPreviousData,
  });
}

export function useRules() {
  return useQuery({ queryKey: ['venues', 'rules'], queryFn: () => api.get<Rules>('/api/activity-rules') });
}

/** After a venue or item changes: the lists and the activity form's options are read again. */
export function useVenuesRefresh() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['venues'] }),
      qc.invalidateQueries({ queryKey: ['activities', 'options'] }),
    ]);
}

export function useBookings(id: string, kind: BookableKind) {
  return useQuery({
    queryKey: ['venues', 'bookings', id],
    queryFn: () => api.get<{ items: Booking[] }>(`/api/venues/${id}/bookings`, { kind }),
  });
}
