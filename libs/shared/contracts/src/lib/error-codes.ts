/**
 * Stable machine codes for every error the API returns. The web app reads the same
 * catalogue, so a code means one thing on both sides. Never rename a code: clients key on it.
 */
export const ErrorCode = {
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  MALFORMED_JSON: 'MALFORMED_JSON',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  METHOD_NOT_ALLOWED: 'METHOD_NOT_ALLOWED',
  CONFLICT: 'CONFLICT',
  VERSION_CONFLICT: 'VERSION_CONFLICT',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_ERROR: 'INTERNAL_ERROR',
  ORGANIZATION_NOT_FOUND: 'ORGANIZATION_NOT_FOUND',
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  ACCOUNT_SUSPENDED: 'ACCOUNT_SUSPENDED',
  ACCOUNT_NOT_VERIFIED: 'ACCOUNT_NOT_VERIFIED',
  TOKEN_INVALID: 'TOKEN_INVALID',
  EMAIL_TAKEN: 'EMAIL_TAKEN',
  CREDIT_CODE_TAKEN: 'CREDIT_CODE_TAKEN',
  PASSWORD_TOO_COMMON: 'PASSWORD_TOO_COMMON',
  PASSWORD_WRONG: 'PASSWORD_WRONG',
  USER_NOT_FOUND: 'USER_NOT_FOUND',
  INSTITUTION_REQUIRED: 'INSTITUTION_REQUIRED',
  ENTERPRISE_NAME_REQUIRED: 'ENTERPRISE_NAME_REQUIRED',
  ORGANIZATION_KIND_MISMATCH: 'ORGANIZATION_KIND_MISMATCH',
  USER_NOT_PENDING: 'USER_NOT_PENDING',
  CANNOT_CHANGE_SELF: 'CANNOT_CHANGE_SELF',
  LISTING_NOT_FOUND: 'LISTING_NOT_FOUND',
  LISTING_TRANSITION_NOT_ALLOWED: 'LISTING_TRANSITION_NOT_ALLOWED',
  LISTING_NOT_EDITABLE: 'LISTING_NOT_EDITABLE',
  FIELD_NOT_FOUND: 'FIELD_NOT_FOUND',
  FIELD_CODE_TAKEN: 'FIELD_CODE_TAKEN',
  IMPORT_NOT_FOUND: 'IMPORT_NOT_FOUND',
  IMPORT_FILE_INVALID: 'IMPORT_FILE_INVALID',
  IMPORT_TOO_MANY_ROWS: 'IMPORT_TOO_MANY_ROWS',
  IMPORT_NOT_PENDING: 'IMPORT_NOT_PENDING',
  MATCHING_NOT_READY: 'MATCHING_NOT_READY',
  MATCH_PAIR_INVALID: 'MATCH_PAIR_INVALID',
  // Deals, contracts and registration (issue 6) append their codes below this line.
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export type Locale = 'zh-CN' | 'en';
export const DEFAULT_LOCALE: Locale = 'zh-CN';

export interface LocalizedText {
  'zh-CN': string;
  en: string;
}

export const ERROR_MESSAGES: Record<ErrorCode, LocalizedText> = {
  VALIDATION_FAILED: { 'zh-CN': '提交的数据有误，请检查标出的字段', en: 'Some fields are invalid' },
  MALFORMED_JSON: { 'zh-CN': '请求体不是有效的 JSON', en: 'The request body is not valid JSON' },
  PAYLOAD_TOO_LARGE: { 'zh-CN': '请求体过大', en: 'The request body is too large' },
  UNAUTHENTICATED: { 'zh-CN': '请先登录', en: 'Please sign in' },
  FORBIDDEN: { 'zh-CN': '无权执行此操作', en: 'You are not allowed to do this' },
  NOT_FOUND: { 'zh-CN': '未找到请求的资源', en: 'Not found' },
  METHOD_NOT_ALLOWED: { 'zh-CN': '不支持该请求方法', en: 'Method not allowed' },
  CONFLICT: { 'zh-CN': '与现有数据冲突', en: 'Conflicts with existing data' },
  VERSION_CONFLICT: {
    'zh-CN': '记录已被他人修改，请刷新后重试',
    en: 'The record was changed by someone else; reload and try again',
  },
  TOO_MANY_REQUESTS: { 'zh-CN': '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  SERVICE_UNAVAILABLE: { 'zh-CN': '服务暂不可用', en: 'Service unavailable' },
  INTERNAL_ERROR: { 'zh-CN': '服务器内部错误', en: 'Internal server error' },
  ORGANIZATION_NOT_FOUND: { 'zh-CN': '机构不存在', en: 'Organization not found' },
  INVALID_CREDENTIALS: { 'zh-CN': '邮箱或密码不正确', en: 'Wrong email or password' },
  ACCOUNT_SUSPENDED: { 'zh-CN': '账号已停用，请联系管理员', en: 'This account is suspended; contact an administrator' },
  ACCOUNT_NOT_VERIFIED: {
    'zh-CN': '账号尚未通过审核，暂不能发布或对接',
    en: 'Your account is not verified yet; publishing and contacting others wait for verification',
  },
  TOKEN_INVALID: { 'zh-CN': '登录凭证无效或已过期，请重新登录', en: 'The token is invalid or expired; sign in again' },
  EMAIL_TAKEN: { 'zh-CN': '该邮箱已注册', en: 'This email is already registered' },
  CREDIT_CODE_TAKEN: { 'zh-CN': '该统一社会信用代码已被使用', en: 'This credit code is already in use' },
  PASSWORD_TOO_COMMON: { 'zh-CN': '密码过于常见，请换一个', en: 'This password is too common; choose another' },
  PASSWORD_WRONG: { 'zh-CN': '当前密码不正确', en: 'The current password is wrong' },
  USER_NOT_FOUND: { 'zh-CN': '用户不存在', en: 'User not found' },
  INSTITUTION_REQUIRED: { 'zh-CN': '科研人员须选择所在高校或科研院所', en: 'Researchers must choose their university or institute' },
  ENTERPRISE_NAME_REQUIRED: {
    'zh-CN': '该信用代码尚无企业，请填写企业名称以创建',
    en: 'No enterprise has this credit code yet; give its name to create it',
  },
  ORGANIZATION_KIND_MISMATCH: { 'zh-CN': '机构类型与角色不符', en: 'The organization kind does not fit the role' },
  USER_NOT_PENDING: { 'zh-CN': '该用户不在待审核状态', en: 'This user is not pending verification' },
  CANNOT_CHANGE_SELF: { 'zh-CN': '不能修改自己的角色或状态', en: 'You cannot change your own role or status' },
  LISTING_NOT_FOUND: { 'zh-CN': '信息不存在或无权查看', en: 'Listing not found' },
  LISTING_TRANSITION_NOT_ALLOWED: { 'zh-CN': '当前状态下不能执行此操作', en: 'This action is not allowed in the current status' },
  LISTING_NOT_EDITABLE: { 'zh-CN': '当前状态下不能修改（审核中、已驳回或已归档）', en: 'The listing cannot be edited now (in review, rejected or archived)' },
  FIELD_NOT_FOUND: { 'zh-CN': '技术领域不存在', en: 'Technology field not found' },
  FIELD_CODE_TAKEN: { 'zh-CN': '该领域代码已存在', en: 'This field code already exists' },
  IMPORT_NOT_FOUND: { 'zh-CN': '导入任务不存在', en: 'Import not found' },
  IMPORT_FILE_INVALID: { 'zh-CN': '无法读取该 Excel 文件，请使用下载的模板', en: 'The Excel file cannot be read; use the downloadable template' },
  IMPORT_TOO_MANY_ROWS: { 'zh-CN': '一次最多导入 10000 行', en: 'At most 10,000 rows per import' },
  IMPORT_NOT_PENDING: { 'zh-CN': '该导入已处理，不能再次提交', en: 'This import was already decided' },
  MATCHING_NOT_READY: { 'zh-CN': '匹配引擎正在加载，请稍后再试', en: 'The matching engine is still loading; try again shortly' },
  MATCH_PAIR_INVALID: { 'zh-CN': '该需求与成果不能构成匹配对', en: 'This need and result do not form a valid pair' },
  // Deals, contracts and registration (issue 6) append their messages below this line.
};

/** One field-level problem. `field` is a dotted path (`ipAssets.0.number`). */
export interface FieldError {
  field: string;
  message: string;
}

/** The single error body shape of every API error. */
export interface ErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  errors?: FieldError[];
}

/** Picks the locale from an Accept-Language header: zh-CN unless English is preferred. */
export function resolveLocale(acceptLanguage: string | undefined | null): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag ?? '', q: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .filter((entry) => entry.tag.length > 0 && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return DEFAULT_LOCALE;
}
