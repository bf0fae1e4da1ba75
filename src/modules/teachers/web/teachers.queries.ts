import type { EndpointInput } from '../../../shared/endpoint';
import { useApi, useInvalidate } from '../../../web/api/hooks';
import { staffingApi } from '../staffing.contract';
import { teachersApi } from '../teachers.contract';
import { volunteerApi } from '../volunteer.contract';

// Every read of the module, typed by its endpoint declaration (no paths or answer types here).

export type TeacherListQuery = EndpointInput<typeof teachersApi.list>['query'];
export type HoursListQuery = EndpointInput<typeof volunteerApi.list>['query'];
export type StaffingListQuery = EndpointInput<typeof staffingApi.list>['query'];

export function useBanks() {
  return useApi(teachersApi.banks, {}, { staleTime: 60_000, select: (d) => d.banks });
}

export function useTeacherList(query: TeacherListQuery) {
  return useApi(teachersApi.list, { query }, { keepPrevious: true });
}

export function useTeacher(id: string | undefined) {
  return useApi(teachersApi.one, { params: { id: id ?? '' } }, { enabled: !!id });
}

/** After any change to the bank, hours or norms: every answer of the module is read again. */
export function useTeachersRefresh() {
  return useInvalidate(teachersApi.list.tag);
}

export function useMyHours(query: HoursListQuery) {
  return useApi(volunteerApi.mine, { query }, { keepPrevious: true });
}

export function useHoursToReview(query: HoursListQuery, enabled: boolean) {
  return useApi(volunteerApi.list, { query }, { keepPrevious: true, enabled });
}

export function useServiceRecord(id: string | undefined, from: string, to: string) {
  return useApi(
    volunteerApi.serviceRecord,
    { params: { id: id ?? '' }, query: { from, to } },
    { enabled: !!id && !!from && !!to },
  );
}

export function useStaffing(query: StaffingListQuery) {
  return useApi(staffingApi.list, { query }, { keepPrevious: true });
}
