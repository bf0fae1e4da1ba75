import { fill, type Bilingual, type Locale } from './locale';

/**
 * Every error the API returns has one of these codes. The HTTP status and both messages
 * live here, once; the web client parses responses back into the same shape.
 */
export const ERRORS = {
  VALIDATION_FAILED: {
    status: 400,
    'zh-CN': '填写的内容有误，请检查标红的项目',
    'en-US': 'Some fields are not valid; please check the marked fields',
  },
  BAD_REQUEST: { status: 400, 'zh-CN': '请求无法处理', 'en-US': 'The request could not be processed' },
  UNAUTHENTICATED: { status: 401, 'zh-CN': '请先登录', 'en-US': 'Please sign in first' },
  SESSION_EXPIRED: {
    status: 401,
    'zh-CN': '登录已过期，请重新登录',
    'en-US': 'Your session has expired; please sign in again',
  },
  LOGIN_FAILED: { status: 401, 'zh-CN': '用户名或密码不正确', 'en-US': 'Wrong username or password' },
  ACCOUNT_LOCKED: {
    status: 423,
    'zh-CN': '登录失败次数过多，账号已锁定，请在 {minutes} 分钟后再试',
    'en-US': 'Too many failed sign-ins; the account is locked. Try again in {minutes} minutes',
  },
  LOGIN_LOCKED: {
    status: 423,
    'zh-CN': '登录失败次数过多，该账号已暂时锁定，请在 {until}（北京时间）之后再试，约 {minutes} 分钟',
    'en-US':
      'Too many failed sign-ins: this account is locked until {until} (China time), about {minutes} minutes from now',
  },
  IP_LOCKED: {
    status: 429,
    'zh-CN': '此网络登录失败次数过多，请在 {minutes} 分钟后再试',
    'en-US': 'Too many failed sign-ins from this network. Try again in {minutes} minutes',
  },
  ACCOUNT_DISABLED: {
    status: 403,
    'zh-CN': '此账号已停用，请联系管理员',
    'en-US': 'This account is disabled; please contact an administrator',
  },
  PASSWORD_CHANGE_REQUIRED: { status: 403, 'zh-CN': '请先修改密码', 'en-US': 'Please change your password first' },
  WRONG_PASSWORD: { status: 400, 'zh-CN': '当前密码不正确', 'en-US': 'The current password is wrong' },
  CSRF_FAILED: {
    status: 403,
    'zh-CN': '页面已过期，请刷新后重试',
    'en-US': 'The page is out of date; please reload and try again',
  },
  FORBIDDEN: { status: 403, 'zh-CN': '您没有权限执行此操作', 'en-US': 'You do not have permission to do this' },
  NOT_FOUND: { status: 404, 'zh-CN': '找不到该记录，或您无权查看', 'en-US': 'Not found, or you may not see it' },
  CONFLICT: { status: 409, 'zh-CN': '数据冲突：{detail}', 'en-US': 'Conflict: {detailEn}' },
  DUPLICATE: { status: 409, 'zh-CN': '{field}已被使用', 'en-US': 'This {fieldEn} is already in use' },
  NODE_HAS_CHILDREN: {
    status: 409,
    'zh-CN': '“{name}”下还有 {count} 个下级组织，不能删除。请先删除或移走下级组织。',
    'en-US': '"{name}" still has {count} child nodes and cannot be deleted. Delete or move them first.',
  },
  NODE_HAS_RECORDS: {
    status: 409,
    'zh-CN': '“{name}”已有业务记录（{what}），不能删除。',
    'en-US': '"{name}" already has records ({whatEn}) and cannot be deleted.',
  },
  INVALID_PARENT: { status: 400, 'zh-CN': '{detail}', 'en-US': '{detailEn}' },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    'zh-CN': '提交的内容太大，不能超过 {limit}',
    'en-US': 'What was sent is too large; the limit is {limit}',
  },
  RATE_LIMITED: {
    status: 429,
    'zh-CN': '操作太频繁，请稍后再试',
    'en-US': 'Too many requests; please try again later',
  },
  MONTH_LOCKED: {
    status: 423,
    'zh-CN': '该月的月报已报送，记录已锁定；如需修改，请镇（街道）先解锁该月',
    'en-US':
      'The monthly report for this month has been submitted and its records are locked; ask the town to unlock the month first',
  },
  INTERNAL: { status: 500, 'zh-CN': '系统出错了，请稍后再试', 'en-US': 'Something went wrong; please try again later' },
} as const satisfies Record<string, Bilingual & { status: number }>;

export type ErrorCode = keyof typeof ERRORS;

/** The `{name}` placeholders of a message template. */
type Placeholders<S extends string> = S extends `${string}{${infer K}}${infer Rest}` ? K | Placeholders<Rest> : never;
/**
 * The params a code's two messages need: every placeholder of the Chinese and of the English
 * text. A detail therefore comes in both languages (`detail` + `detailEn`), or the call does
 * not typecheck — the English message never borrows the Chinese text.
 */
export type ErrorParams<C extends ErrorCode> = Record<
  Placeholders<(typeof ERRORS)[C]['zh-CN']> | Placeholders<(typeof ERRORS)[C]['en-US']>,
  string | number
>;
type ErrorOpts = { issues?: FieldIssue[]; denied?: boolean };
type ErrorArgs<C extends ErrorCode> = [keyof ErrorParams<C>] extends [never]
  ? [params?: Record<string, never>, opts?: ErrorOpts]
  : [params: ErrorParams<C> & Record<string, string | number>, opts?: ErrorOpts]; // extra keys: data for the route (e.g. a sign-in refusal's kind)

export type FieldIssue = { path: string; message: string; messageEn: string };

/** The JSON body of every error response. */
export type ErrorBody = {
  error: { code: ErrorCode; message: string; messageEn: string; issues?: FieldIssue[] };
};

export class AppError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  readonly params: Record<string, unknown>;
  readonly issues?: FieldIssue[];
  /** For audit: a denial that the client sees as NOT_FOUND is still recorded as a denial. */
  readonly denied: boolean;

  constructor(code: C, ...[params = {}, opts = {}]: ErrorArgs<C>) {
    super(fill(ERRORS[code]['en-US'], params));
    this.name = 'AppError';
    this.code = code;
    this.params = params;
    this.issues = opts.issues;
    this.denied = opts.denied ?? (code === 'FORBIDDEN' || code === 'CSRF_FAILED');
  }

  get status(): number {
    return ERRORS[this.code].status;
  }

  message_(locale: Locale): string {
    return fill(ERRORS[this.code][locale], this.params);
  }

  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message_('zh-CN'),
        messageEn: this.message_('en-US'),
        ...(this.issues ? { issues: this.issues } : {}),
      },
    };
  }
}

/** Out-of-scope reads answer 404 so nobody learns what exists outside their tree. */
export const hidden = () => new AppError('NOT_FOUND', {}, { denied: true });
export const forbidden = () => new AppError('FORBIDDEN');

/** One invalid field, raised by a service after schema validation passed. */
export function fieldError(path: string, message: string, messageEn: string): AppError {
  return new AppError('VALIDATION_FAILED', {}, { issues: [{ path, message, messageEn }] });
}

/** "1 MB", "20 MB": a byte limit as people read it. */
export const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** A body or an uploaded file over its limit (413); `path` marks the form field when there is one. */
export function tooLarge(limitBytes: number, path?: string): AppError {
  const limit = megabytes(limitBytes);
  const issues = path
    ? [{ path, message: `文件太大，不能超过 ${limit}`, messageEn: `The file is too large; at most ${limit}` }]
    : undefined;
  return new AppError('PAYLOAD_TOO_LARGE', { limit }, { issues });
}
