import { useMutation, useQuery } from '@tanstack/react-query';
import { api, withQuery, type QueryValue } from '../../../web/api/client';
import { errorText, isApiError, toApiError } from '../../../web/api/api-error';
import type { Locale } from '../../../shared/locale';
import { useAuth } from '../../../web/auth/auth-context';
import type { ColumnMapping, ImportJob, ImportUpload } from '../imports.contract';
import { countyOfPath, type TagDefList } from '../../people/people.contract';

export const useUploadImport = () =>
  useMutation({ mutationFn: (input: ImportUpload) => api.post<ImportJob>('/api/imports/residents', input) });
export const useRemapImport = () =>
  useMutation({
    mutationFn: ({ id, mapping }: { id: string; mapping: ColumnMapping }) =>
      api.post<ImportJob>(`/api/imports/${id}/mapping`, { mapping }),
  });
export const useCommitImport = () =>
  useMutation({ mutationFn: (id: string) => api.post<ImportJob>(`/api/imports/${id}/commit`) });
export const useDiscardImport = () =>
  useMutation({ mutationFn: (id: string) => api.del<{ ok: true }>(`/api/imports/${id}`) });

/** The special-group tags of the user's county (for the export filter). */
export function useExportTags() {
  const { me } = useAuth();
  const scope = me?.scopes[0];
  const countyId = scope ? countyOfPath(scope.path) : undefined;
  return useQuery({
    queryKey: ['imports', 'tags', countyId],
    queryFn: () => api.get<TagDefList>(`/api/counties/${countyId}/resident-tags`, undefined, { silent: true }),
    enabled: !!countyId,
    staleTime: 60_000,
  });
}

/** The file's bytes as base64 (without the data: prefix). */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

function fileNameOf(res: Response, fallback: string): string {
  const cd = res.headers.get('content-disposition') ?? '';
  const m = /filename\*=UTF-8''([^;]+)/.exec(cd);
  return m ? decodeURIComponent(m[1]) : fallback;
}

/** Fetches a file from the API (same-origin cookie) and saves it; errors come back as ApiError. */
export async function downloadFile(
  path: string,
  query: Record<string, QueryValue> | undefined,
  fallbackName: string,
): Promise<void> {
  const res = await fetch(withQuery(path, query), { credentials: 'same-origin' });
  if (!res.ok) {
    let body: unknown = null;
    try {
      body = await res.json();
    } catch {
      body = null;
    }
    throw toApiError(res.status, body);
  }
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileNameOf(res, fallbackName);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** An import error in words: the problems themselves (the file, the mapping) rather than “some fields are not valid”. */
export function importErrorText(err: unknown, locale: Locale): string {
  if (isApiError(err) && err.issues.length)
    return err.issues.map((i) => (locale === 'zh-CN' ? i.message : i.messageEn)).join('；');
  return errorText(err, locale);
}
