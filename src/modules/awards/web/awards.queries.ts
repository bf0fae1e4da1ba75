import type { EndpointInput } from '../../../shared/endpoint';
import { useApi } from '../../../web/api/hooks';
import { nominationsApi, selectionsApi } from '../awards.contract';

// Every read of the module, typed by its endpoint declaration (no paths or answer types here).

export type SelectionListQuery = EndpointInput<typeof selectionsApi.list>['query'];
export type NominationListQuery = EndpointInput<typeof nominationsApi.list>['query'];

export function useSelectionList(query: SelectionListQuery) {
  return useApi(selectionsApi.list, { query }, { keepPrevious: true });
}

export function useSelection(id: string | undefined) {
  return useApi(selectionsApi.one, { params: { id: id ?? '' } }, { enabled: !!id });
}

export function useResults(id: string | undefined) {
  return useApi(selectionsApi.results, { params: { id: id ?? '' } }, { enabled: !!id });
}

export function useNominationList(query: NominationListQuery) {
  return useApi(nominationsApi.list, { query }, { keepPrevious: true });
}

export function useNomination(id: string | undefined) {
  return useApi(nominationsApi.one, { params: { id: id ?? '' } }, { enabled: !!id });
}

export function useNominees(selectionId: string, nodeId: string | undefined, q: string) {
  return useApi(
    nominationsApi.nominees,
    { query: { selectionId, nodeId: nodeId ?? '', q: q || undefined } },
    { enabled: !!nodeId, keepPrevious: true },
  );
}
