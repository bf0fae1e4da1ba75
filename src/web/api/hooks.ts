import { useCallback, useState, type ReactNode } from 'react';
import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryKey,
  type UseQueryOptions,
} from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import type { Endpoint, EndpointInput, EndpointOutput } from '../../shared/endpoint';
import { errorText, isApiError } from './api-error';
import { call, upload } from './client';
import { useFormErrors } from '../components/form-errors';
import { useI18n } from '../i18n/i18n';
import { M as APP } from '../i18n/messages';

/**
 * The cache key of an endpoint's answer: `[tag, path, input]`. Invalidating `[tag]` reads
 * every answer of the module again (`useInvalidate('teachers')`).
 */
export function apiKey<E extends Endpoint>(e: E, input?: EndpointInput<E>): QueryKey {
  return [e.tag, e.method, e.path, input ?? null];
}

type QueryOpts<E extends Endpoint, T> = Omit<
  UseQueryOptions<EndpointOutput<E>, Error, T>,
  'queryKey' | 'queryFn' | 'placeholderData'
> & {
  /** Keep showing the previous page while the next loads (paged lists). */
  keepPrevious?: boolean;
};

/** Reads an endpoint through react-query: `useApi(teachersApi.list, { query })`. */
export function useApi<E extends Endpoint, T = EndpointOutput<E>>(
  e: E,
  input: EndpointInput<E> | undefined,
  { keepPrevious, ...opts }: QueryOpts<E, T> = {},
) {
  return useQuery<EndpointOutput<E>, Error, T>({
    queryKey: apiKey(e, input),
    queryFn: () => (call as (e: E, input?: EndpointInput<E>) => Promise<EndpointOutput<E>>)(e, input),
    ...(keepPrevious ? { placeholderData: keepPreviousData } : {}),
    ...opts,
  });
}

/**
 * Reads again every cached answer of the given modules' tags (after a change). The callback
 * stays the same while the tags do (the rest array is new each render; its text is not).
 */
export function useInvalidate(...tags: string[]) {
  const qc = useQueryClient();
  const key = JSON.stringify(tags);
  return useCallback(
    () => Promise.all((JSON.parse(key) as string[]).map((tag) => qc.invalidateQueries({ queryKey: [tag] }))),
    [qc, key],
  );
}

type MutationOpts<E extends Endpoint> = {
  /** Module tags whose cached answers are read again after success (awaited before onSuccess). */
  invalidates?: string[];
  /** The message shown after success (已保存…), before onSuccess runs. */
  success?: string | ((out: EndpointOutput<E>, input: EndpointInput<E>) => string);
  onSuccess?: (out: EndpointOutput<E>, input: EndpointInput<E>) => void | Promise<void>;
  /** Default: a message with the error's words in the user's language. */
  onError?: (err: unknown) => void;
  /** How to send it (default `call`; the resident pages pass their own, with the resident's token). */
  send?: (e: E, input: EndpointInput<E>) => Promise<EndpointOutput<E>>;
};

/**
 * A change through react-query, with the one error mapping: the server's words in the user's
 * language (`message.error`), unless `onError` says otherwise; `success` says it went well.
 * `run(input)` never throws.
 */
export function useApiMutation<E extends Endpoint>(e: E, opts: MutationOpts<E> = {}) {
  const { locale } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const m = useMutation<EndpointOutput<E>, unknown, EndpointInput<E>>({
    mutationFn: (input) =>
      (opts.send ?? (call as (e: E, input?: EndpointInput<E>) => Promise<EndpointOutput<E>>))(e, input),
    onSuccess: async (out, input) => {
      await Promise.all((opts.invalidates ?? [e.tag]).map((tag) => qc.invalidateQueries({ queryKey: [tag] })));
      const { success } = opts;
      if (success) void message.success(typeof success === 'string' ? success : success(out, input));
      await opts.onSuccess?.(out, input);
    },
    onError: (err) => (opts.onError ? opts.onError(err) : void message.error(errorText(err, locale))),
  });
  const run = useCallback(
    (input: EndpointInput<E>) =>
      m.mutateAsync(input).then(
        (out) => ({ ok: true as const, out }),
        () => ({ ok: false as const }),
      ),
    [m],
  );
  return { run, busy: m.isPending, error: m.error };
}

/**
 * A form's submit through react-query: busy while it runs; the server's field issues beside
 * the fields, the rest in `alert` above the form (useFormErrors).
 */
export function useFormMutation<E extends Endpoint>(
  form: FormInstance,
  e: E,
  opts: Omit<MutationOpts<E>, 'onError'> = {},
) {
  const errors = useFormErrors(form);
  const { run, busy } = useApiMutation(e, { ...opts, onError: errors.onError });
  const submit = useCallback(
    (input: EndpointInput<E>) => {
      errors.clear();
      return run(input);
    },
    [errors, run],
  );
  const formProps = useFormProps(form, busy, errors.alert);
  return { submit, busy, alert: errors.alert, errors, formProps };
}

/**
 * What a FormModal or FormDrawer takes from a form's mutation, with what saving does:
 * `<FormModal title={…} onClose={onClose} {...save.formProps(submit)}>`.
 */
function useFormProps(form: FormInstance, busy: boolean, alert: ReactNode) {
  return useCallback(
    <V>(onFinish: (values: V) => void) => ({ form: form as FormInstance<V>, busy, alert, onFinish }),
    [form, busy, alert],
  );
}

type SaveOpts<C extends Endpoint, U extends Endpoint> = {
  /** Module tags whose cached answers are read again after a save (default: the endpoints' tag). */
  invalidates?: string[];
  /** The message after a create, from what was sent and what came back (已创建"…"); default: as after an edit. */
  created?: (input: EndpointInput<C>, out: EndpointOutput<C>) => string;
  /** The message after a save (default 已保存 / Saved); `null`: none, `onSaved` says what it has to. */
  saved?: string | null;
  onSaved: (out: EndpointOutput<C> | EndpointOutput<U>, input: EndpointInput<C> | EndpointInput<U>) => void;
  /** Default: the server's field issues beside the fields, the rest above the form (`alert`). */
  onError?: (err: unknown) => void;
};

/**
 * One form for a new thing and for editing one: `create(input)` when there is no id yet,
 * `update(input)` otherwise. One success message and one invalidation for both, the server's
 * field issues beside the fields and the rest in `alert` above the form; busy while either runs.
 */
export function useSaveMutation<C extends Endpoint, U extends Endpoint>(
  form: FormInstance,
  endpoints: { create: C; update: U },
  { invalidates, created, saved, onSaved, onError }: SaveOpts<C, U>,
) {
  const { t } = useI18n();
  const errors = useFormErrors(form);
  const savedText = (saved === undefined ? t(APP.saved) : saved) ?? undefined;
  const shared = { invalidates, onError: onError ?? errors.onError, onSuccess: onSaved };
  const create = useApiMutation(endpoints.create, {
    ...shared,
    success: created ? (out, input) => created(input, out) : savedText,
  });
  const update = useApiMutation(endpoints.update, { ...shared, success: savedText });
  const { clear } = errors;
  const runCreate = create.run;
  const runUpdate = update.run;
  const busy = create.busy || update.busy;
  const formProps = useFormProps(form, busy, errors.alert);
  return {
    create: useCallback(
      (input: EndpointInput<C>) => {
        clear();
        return runCreate(input);
      },
      [clear, runCreate],
    ),
    update: useCallback(
      (input: EndpointInput<U>) => {
        clear();
        return runUpdate(input);
      },
      [clear, runUpdate],
    ),
    busy,
    alert: errors.alert,
    errors,
    formProps,
  };
}

/**
 * Uploads one file to an endpoint that takes one (`filesApi.upload`): busy while it runs; a
 * refusal shows the server's words (the file's own problem if it names one: too large, not an
 * image…) and gives null.
 */
export function useUpload<E extends Endpoint>(e: E) {
  const { locale } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (input: EndpointInput<E>, file: Blob): Promise<EndpointOutput<E> | null> => {
      setBusy(true);
      try {
        return await upload(e, input, file);
      } catch (err) {
        const issue = isApiError(err) ? err.issues[0] : undefined;
        const text = issue ? (locale === 'zh-CN' ? issue.message : issue.messageEn) : errorText(err, locale);
        void message.error({ content: text, duration: 8 });
        return null;
      } finally {
        setBusy(false);
      }
    },
    [e, locale, message],
  );
  return { run, busy };
}
