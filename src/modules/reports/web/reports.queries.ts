import { useApi } from '../../../web/api/hooks';
import { reportsApi } from '../reports.contract';

export const useOverview = (nodeId: string | undefined, month: string) =>
  useApi(reportsApi.overview, nodeId ? { query: { nodeId, month } } : undefined, {
    enabled: !!nodeId,
    keepPrevious: true,
  });

export const useReport = (nodeId: string, month: string) => useApi(reportsApi.get, { params: { nodeId, month } });

export const useSummary = (nodeId: string | undefined, year: number) =>
  useApi(reportsApi.summary, nodeId ? { params: { nodeId, year } } : undefined, { enabled: !!nodeId });

export const useReportSettings = (countyId: string | undefined) =>
  useApi(reportsApi.settings, countyId ? { params: { countyId } } : undefined, { enabled: !!countyId });
