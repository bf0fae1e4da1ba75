import type { EndpointInput } from '../../../shared/endpoint';
import { useApi } from '../../../web/api/hooks';
import { coursesApi } from '../courses.contract';

// Every read of the module, typed by its endpoint declaration (no paths or answer types here).

export type CourseListQuery = EndpointInput<typeof coursesApi.list>['query'];

export function useCourseList(query: CourseListQuery, enabled = true) {
  return useApi(coursesApi.list, { query }, { keepPrevious: true, enabled });
}

export function useCourse(id: string | undefined) {
  return useApi(coursesApi.one, { params: { id: id ?? '' } }, { enabled: !!id });
}

export function useCourseRules(nodeId: string | undefined) {
  return useApi(coursesApi.rules, { params: { nodeId: nodeId ?? '' } }, { enabled: !!nodeId });
}
