import { errorText, isApiError, toApiError } from '../../../web/api/api-error';
import { useApi } from '../../../web/api/hooks';
import type { Locale } from '../../../shared/locale';
import { useAuth } from '../../../web/auth/auth-context';
import { countyOfPath, peopleApi } from '../../people/people.contract';

/** The special-group tags of the user's county (for the export filter). */
export function useExportTags() {
  const { me } = useAuth();
  const scope = me?.scopes[0];
  const countyId = scope ? countyOfPath(scope.path) : undefined;
  return useApi(peopleApi.tags, { params: { countyId: countyId ?? '' } }, { enabled: !!countyId, staleTime: 60_000 });
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

/** Fetches a file from the API (same-origin cookie; `url` from urlOf) and saves it; errors come back as ApiError. */
export async function downloadFile(url: string, fallbackName: string): Promise<void> {
  const res = await fetch(url, { credentials: 'same-origin' });
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
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = fileNameOf(res, fallbackName);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/** An import error in words: the problems themselves (the file, the mapping) rather than “some fields are not valid”. */
export function importErrorText(err: unknown, locale: Locale): string {
  if (isApiError(err) && err.issues.length)
    return err.issues.map((i) => (locale === 'zh-CN' ? i.message : i.messageEn)).join('；');
  return errorText(err, locale);
}
