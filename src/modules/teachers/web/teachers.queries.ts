import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../shared/pagination';
import type { ThemeKey } from '../../../shared/themes';
import { api } from '../../../web/api/client';
import type { StaffingPage } from '../staffing.contract';
import type { Bank, Teacher, TeacherCategory, TeacherDetail, TeacherStatus } from '../teachers.contract';
import type { Hours, HoursStatus, MyHours, ServiceRecord } from '../volunteer.contract';

export type TeacherListQuery = {
  bankNodeId?: string;
  category?: TeacherCategory;
  status?: TeacherStatus;
  speciality?: ThemeKey;
  q?: string;
  page: number;
  pageSize: number;
};

export const teachersKey = ['teachers'] as const;
export const hoursKey = ['volunteer-hours'] as const;

export function useBanks() {
  return useQuery({
    queryKey: ['teachers', 'banks'],
    queryFn: async () => (await api.get<{ banks: Bank[] }>('/api/teacher-banks')).banks,
    staleTime: 60_000,
  });
}

export function useTeacherList(query: TeacherListQuery) {
  return useQuery({
    queryKey: ['teachers', 'list', query],
    queryFn: () => api.get<Page<Teacher>>('/api/teachers', query),
    placeholderData: keepPreviousData,
  });
}

export function useTeacher(id: string | undefined) {
  return useQuery({
    queryKey: ['teachers', 'one', id ?? ''],
    queryFn: () => api.get<TeacherDetail>(`/api/teachers/${id}`),
    enabled: !!id,
  });
}

/** After any change to the bank: lists, the open teacher and the staffing counts are read again. */
export function useTeachersRefresh() {
  const qc = useQueryClient();
  return () =>
    Promise.all([qc.invalidateQueries({ queryKey: teachersKey }), qc.invalidateQueries({ queryKey: ['staffing'] })]);
}

export type HoursListQuery = { status?: HoursStatus; page: number; pageSize: number };

export function useMyHours(query: HoursListQuery) {
  return useQuery({
    queryKey: ['volunteer-hours', 'mine', query],
    queryFn: () => api.get<MyHours>('/api/volunteer-hours/mine', query),
    placeholderData: keepPreviousData,
  });
}

export function useHoursToReview(query: HoursListQuery, enabled: boolean) {
  return useQuery({
    queryKey: ['volunteer-hours', 'review', query],
    queryFn: () => api.get<Page<Hours>>('/api/volunteer-hours', query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useHoursRefresh() {
  const qc = useQueryClient();
  return () =>
    Promise.all([qc.invalidateQueries({ queryKey: hoursKey }), qc.invalidateQueries({ queryKey: teachersKey })]);
}

export function useServiceRecord(id: string | undefined, from: string, to: string) {
  return useQuery({
    queryKey: ['volunteer-hours', 'record', id, from, to],
    queryFn: () => api.get<ServiceRecord>(`/api/teachers/${id}/service-record`, { from, to }),
    enabled: !!id && !!from && !!to,
  });
}

export type StaffingListQuery = { nodeId?: string; met?: 'true' | 'false'; page: number; pageSize: number };

export function useStaffing(query: StaffingListQuery) {
  return useQuery({
    queryKey: ['staffing', query],
    queryFn: () => api.get<StaffingPage>('/api/staffing', query),
    placeholderData: keepPreviousData,
  });
}
