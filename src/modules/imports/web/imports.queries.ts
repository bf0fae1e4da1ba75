import { errorText, isApiError } from '../../../web/api/api-error';
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

/** Fetches a file from the API (same-origin cookie; `url` from urlOf) and saves it; errors come back as ApiError. */
export { saveFile as downloadFile } from '../../../web/api/client';

/** An import error in words: the problems themselves (the file, the mapping) rather than “some fields are not valid”. */
export function importErrorText(err: unknown, locale: Locale): string {
  if (isApiError(err) && err.issues.length)
    return err.issues.map((i) => (locale === 'zh-CN' ? i.message : i.messageEn)).join('；');
  return errorText(err, locale);
}
