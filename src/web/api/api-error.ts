import type { ErrorBody, ErrorCode, FieldIssue } from '../../shared/app-error';
import type { Locale } from '../../shared/locale';

/** Codes the client adds for failures that never reached the API. */
export type ClientErrorCode = 'NETWORK' | 'BAD_RESPONSE';

/** An API failure, parsed back from `{ error: { code, message, messageEn, issues } }`. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | ClientErrorCode;
  readonly messageZh: string;
  readonly messageEn: string;
  readonly issues: FieldIssue[];
  /** The failed answer's headers (e.g. the sign-in page's `x-sign-in-refusal`); null when no answer came. */
  headers: Headers | null = null;

  constructor(
    status: number,
    body: ErrorBody['error'] | { code: ClientErrorCode; message: string; messageEn: string; issues?: FieldIssue[] },
  ) {
    super(body.messageEn);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.messageZh = body.message;
    this.messageEn = body.messageEn;
    this.issues = body.issues ?? [];
  }

  text(locale: Locale): string {
    return locale === 'zh-CN' ? this.messageZh : this.messageEn;
  }

  /** The session is gone: the user must sign in again. */
  get isSignedOut(): boolean {
    return this.status === 401 && (this.code === 'UNAUTHENTICATED' || this.code === 'SESSION_EXPIRED');
  }
}

export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError;
}

/** Any thrown thing as words for the user. */
export function errorText(err: unknown, locale: Locale): string {
  if (isApiError(err)) return err.text(locale);
  return locale === 'zh-CN' ? '系统出错了，请稍后再试' : 'Something went wrong; please try again later';
}

/** Turns a response body that failed into an ApiError, whatever shape it has. */
export function toApiError(status: number, body: unknown, headers: Headers | null = null): ApiError {
  const e = (body as Partial<ErrorBody> | null)?.error;
  const err =
    e && typeof e.code === 'string' && typeof e.message === 'string'
      ? new ApiError(status, {
          code: e.code,
          message: e.message,
          messageEn: e.messageEn ?? e.message,
          issues: Array.isArray(e.issues) ? e.issues : [],
        })
      : new ApiError(status, {
          code: 'BAD_RESPONSE',
          message: `服务器返回了意外的结果（${status}），请稍后再试`,
          messageEn: `The server answered unexpectedly (${status}); please try again later`,
        });
  err.headers = headers;
  return err;
}
