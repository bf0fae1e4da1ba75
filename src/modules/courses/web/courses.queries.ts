import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../shared/pagination';
import { api } from '../../../web/api/client';
import type { Course, CourseDetail, CourseForm, CourseRules, CourseStatus } from '../courses.contract';
import type { ThemeList } from '../themes.contract';

export type CourseListQuery = {
  q?: string;
  theme?: string;
  status?: CourseStatus;
  form?: CourseForm;
  townId?: string;
  featured?: 'true';
  toReview?: 'true';
  page: number;
  pageSize: number;
};

export const coursesKey = ['courses'] as const;

export function useThemes(countyId?: string) {
  return useQuery({
    queryKey: ['courses', 'themes', countyId ?? ''],
    queryFn: () => api.get<ThemeList>('/api/themes', { countyId }),
    staleTime: 60_000,
  });
}

export function useCourseList(query: CourseListQuery, enabled = true) {
  return useQuery({
    queryKey: ['courses', 'list', query],
    queryFn: () => api.get<Page<Course>>('/api/courses', query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCourse(id: string | undefined) {
  return useQuery({
    queryKey: ['courses', 'one', id ?? ''],
    queryFn: () => api.get<CourseDetail>(`/api/courses/${id}`),
    enabled: !!id,
  });
}

export function useCourseRules(nodeId: string | undefined) {
  return useQuery({
    queryKey: ['courses', 'rules', nodeId ?? ''],
    queryFn: () => api.get<CourseRules>(`/api/course-rules/${nodeId}`),
    enabled: !!nodeId,
  });
}

/** After any change: lists, the open course, themes and rules are read again. */
export function useCoursesRefresh() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: coursesKey });
}
