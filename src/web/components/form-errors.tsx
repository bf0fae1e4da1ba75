import { useCallback, useState } from 'react';
import { Alert, type FormInstance } from 'antd';
import type { FieldIssue } from '../../shared/app-error';
import type { Locale } from '../../shared/locale';
import { errorText, isApiError } from '../api/api-error';
import { useI18n } from '../i18n/i18n';

type NamePath = (string | number)[];

/** `leaders.0.name` → ['leaders', 0, 'name'], the name path antd forms use. */
export function toNamePath(path: string): NamePath {
  return path
    .split('.')
    .filter(Boolean)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/**
 * Puts the server's field issues beside the matching form fields. An issue whose field
 * is not on the form goes to the nearest registered parent (e.g. a Form.List), or is
 * returned to be shown above the form.
 */
export function applyFieldErrors(form: FormInstance, err: unknown, locale: Locale): FieldIssue[] {
  if (!isApiError(err) || err.issues.length === 0) return [];
  const registered = new Set(form.getFieldsError().map((f) => f.name.join('.')));
  const byField = new Map<string, string[]>();
  const rest: FieldIssue[] = [];
  for (const issue of err.issues) {
    const parts = toNamePath(issue.path);
    let target: string | null = null;
    for (let n = parts.length; n > 0 && target === null; n--) {
      const key = parts.slice(0, n).join('.');
      if (registered.has(key)) target = key;
    }
    const text = locale === 'zh-CN' ? issue.message : issue.messageEn;
    if (target === null) rest.push(issue);
    else byField.set(target, [...(byField.get(target) ?? []), text]);
  }
  form.setFields([...byField].map(([key, errors]) => ({ name: toNamePath(key), errors })));
  const first = [...byField.keys()][0];
  if (first) form.scrollToField(toNamePath(first), { block: 'center' });
  return rest;
}

/**
 * One place for a form's submit and failure: `run(fn)` marks the form busy while fn runs;
 * field errors go beside fields, the rest in an alert on top.
 */
export function useFormErrors(form: FormInstance) {
  const { locale } = useI18n();
  const [failure, setFailure] = useState<{ error: unknown; rest: FieldIssue[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const onError = useCallback(
    (error: unknown) => setFailure({ error, rest: applyFieldErrors(form, error, locale) }),
    [form, locale],
  );
  const clear = useCallback(() => setFailure(null), []);
  const run = useCallback(
    async (fn: () => Promise<void>) => {
      setBusy(true);
      setFailure(null);
      try {
        await fn();
      } catch (err) {
        onError(err);
      } finally {
        setBusy(false);
      }
    },
    [onError],
  );
  const alert = failure ? (
    <FormErrorAlert error={failure.error} rest={failure.rest} locale={locale} onClose={clear} />
  ) : null;
  return { onError, clear, alert, run, busy };
}

function FormErrorAlert({
  error,
  rest,
  locale,
  onClose,
}: {
  error: unknown;
  rest: FieldIssue[];
  locale: Locale;
  onClose: () => void;
}) {
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title={errorText(error, locale)}
      description={
        rest.length ? (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {rest.map((i) => (
              <li key={i.path + i.message}>{locale === 'zh-CN' ? i.message : i.messageEn}</li>
            ))}
          </ul>
        ) : undefined
      }
      closable={{ onClose }}
    />
  );
}
