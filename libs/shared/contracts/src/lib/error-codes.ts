/**
 * Stable machine codes for every error the API returns. The web app reads the same
 * catalogue, so a code means one thing on both sides. Never rename a code: clients key on it.
 */
export const ErrorCode = {
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  MALFORMED_JSON: 'MALFORMED_JSON',
  JSON_TOO_DEEP: 'JSON_TOO_DEEP',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  HEADERS_TOO_LARGE: 'HEADERS_TOO_LARGE',
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
  SIGN_IN_LOCKED: 'SIGN_IN_LOCKED',
  ACCOUNT_SUSPENDED: 'ACCOUNT_SUSPENDED',
  REGISTRATION_REJECTED: 'REGISTRATION_REJECTED',
  ACCOUNT_NOT_VERIFIED: 'ACCOUNT_NOT_VERIFIED',
  TOKEN_INVALID: 'TOKEN_INVALID',
  EMAIL_TAKEN: 'EMAIL_TAKEN',
  SETUP_LINK_INVALID: 'SETUP_LINK_INVALID',
  SETUP_NOT_NEEDED: 'SETUP_NOT_NEEDED',
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
  IMPORT_FILE_TOO_LARGE: 'IMPORT_FILE_TOO_LARGE',
  IMPORT_NOT_PENDING: 'IMPORT_NOT_PENDING',
  JOB_NOT_FOUND: 'JOB_NOT_FOUND',
  JOB_NOT_FAILED: 'JOB_NOT_FAILED',
  MATCHING_NOT_READY: 'MATCHING_NOT_READY',
  MATCH_PAIR_INVALID: 'MATCH_PAIR_INVALID',
  // Deals, contracts and registration (issue 6) append their codes below this line.
  DEAL_NOT_FOUND: 'DEAL_NOT_FOUND',
  DEAL_TRANSITION_NOT_ALLOWED: 'DEAL_TRANSITION_NOT_ALLOWED',
  DEAL_CONTRACT_REQUIRED: 'DEAL_CONTRACT_REQUIRED',
  DEAL_PUBLIC_NOTICE_PENDING: 'DEAL_PUBLIC_NOTICE_PENDING',
  DEAL_NOTICE_OVERRIDE_ADMIN_ONLY: 'DEAL_NOTICE_OVERRIDE_ADMIN_ONLY',
  DEAL_NDA_PENDING: 'DEAL_NDA_PENDING',
  DEAL_PRICE_REQUIRED: 'DEAL_PRICE_REQUIRED',
  DEAL_CONTRACT_NOT_REGISTERED: 'DEAL_CONTRACT_NOT_REGISTERED',
  DEAL_PAYMENT_REQUIRED: 'DEAL_PAYMENT_REQUIRED',
  DEAL_NOT_OPEN: 'DEAL_NOT_OPEN',
  DEAL_PARTICIPANT_INVALID: 'DEAL_PARTICIPANT_INVALID',
  DEAL_NOT_PARTICIPANT: 'DEAL_NOT_PARTICIPANT',
  DEAL_CLOSURE_NOT_PROPOSED: 'DEAL_CLOSURE_NOT_PROPOSED',
  INTRODUCTION_NOT_FOUND: 'INTRODUCTION_NOT_FOUND',
  INTRODUCTION_LISTING_INVALID: 'INTRODUCTION_LISTING_INVALID',
  INTRODUCTION_OWN_LISTING: 'INTRODUCTION_OWN_LISTING',
  INTRODUCTION_DUPLICATE: 'INTRODUCTION_DUPLICATE',
  INTRODUCTION_ALREADY_ANSWERED: 'INTRODUCTION_ALREADY_ANSWERED',
  NDA_NOT_AVAILABLE: 'NDA_NOT_AVAILABLE',
  NDA_VERSION_OUTDATED: 'NDA_VERSION_OUTDATED',
  OFFER_NOT_FOUND: 'OFFER_NOT_FOUND',
  OFFER_NOT_ALLOWED: 'OFFER_NOT_ALLOWED',
  OFFER_ALREADY_ANSWERED: 'OFFER_ALREADY_ANSWERED',
  OFFER_OWN: 'OFFER_OWN',
  PUBLIC_NOTICE_NOT_FOUND: 'PUBLIC_NOTICE_NOT_FOUND',
  PUBLIC_NOTICE_ENDED: 'PUBLIC_NOTICE_ENDED',
  OBJECTION_NOT_FOUND: 'OBJECTION_NOT_FOUND',
  OBJECTION_ALREADY_ANSWERED: 'OBJECTION_ALREADY_ANSWERED',
  DEAL_OBJECTIONS_UNANSWERED: 'DEAL_OBJECTIONS_UNANSWERED',
  CONTRACT_NOT_FOUND: 'CONTRACT_NOT_FOUND',
  CONTRACT_TYPE_NOT_FOUND: 'CONTRACT_TYPE_NOT_FOUND',
  PAYMENT_EXCEEDS_CONTRACT: 'PAYMENT_EXCEEDS_CONTRACT',
  REGISTRATION_TRANSITION_NOT_ALLOWED: 'REGISTRATION_TRANSITION_NOT_ALLOWED',
  NDA_VERSION_NOT_FOUND: 'NDA_VERSION_NOT_FOUND',
  NOTIFICATION_NOT_FOUND: 'NOTIFICATION_NOT_FOUND',
  // KPI ledger (issue 7)
  KPI_ENTERPRISE_NOT_MONITORED: 'KPI_ENTERPRISE_NOT_MONITORED',
  KPI_INSTITUTION_INVALID: 'KPI_INSTITUTION_INVALID',
  // Evidence and documents (issue 12)
  ATTACHMENT_NOT_FOUND: 'ATTACHMENT_NOT_FOUND',
  ATTACHMENT_TYPE_NOT_ALLOWED: 'ATTACHMENT_TYPE_NOT_ALLOWED',
  ATTACHMENT_CATEGORY_NOT_ALLOWED: 'ATTACHMENT_CATEGORY_NOT_ALLOWED',
  // Ledger gates (issue 12)
  CONTRACT_TERMS_NOT_AGREED: 'CONTRACT_TERMS_NOT_AGREED',
  CONTRACT_CHAIN_INCOMPLETE: 'CONTRACT_CHAIN_INCOMPLETE',
  CONTRACT_FROZEN: 'CONTRACT_FROZEN',
  CONTRACT_AMENDMENT_NOT_ALLOWED: 'CONTRACT_AMENDMENT_NOT_ALLOWED',
  // Bulk work and the taxonomy pages (issue 17)
  DEAL_REASSIGN_NOT_BROKER: 'DEAL_REASSIGN_NOT_BROKER',
  SYNONYM_GROUP_NOT_FOUND: 'SYNONYM_GROUP_NOT_FOUND',
  SYNONYM_TERM_TAKEN: 'SYNONYM_TERM_TAKEN',
  FIELD_PARENT_INACTIVE: 'FIELD_PARENT_INACTIVE',
  // Experts and laboratories (issue 16)
  EXPERT_NOT_FOUND: 'EXPERT_NOT_FOUND',
  EXPERT_PROFILE_EXISTS: 'EXPERT_PROFILE_EXISTS',
  LABORATORY_NOT_FOUND: 'LABORATORY_NOT_FOUND',
  // Innovation carriers and landings (issue 16)
  CARRIER_NOT_FOUND: 'CARRIER_NOT_FOUND',
  CARRIER_NAME_TAKEN: 'CARRIER_NAME_TAKEN',
  LANDING_DEAL_NOT_SIGNED: 'LANDING_DEAL_NOT_SIGNED',
  INSTRUMENT_NOT_FOUND: 'INSTRUMENT_NOT_FOUND',
  INSTRUMENT_REQUEST_NOT_FOUND: 'INSTRUMENT_REQUEST_NOT_FOUND',
  INSTRUMENT_REQUEST_ANSWERED: 'INSTRUMENT_REQUEST_ANSWERED',
  INSTRUMENT_NOT_YOURS: 'INSTRUMENT_NOT_YOURS',
  INSTRUMENT_REQUESTER_NOT_ENTERPRISE: 'INSTRUMENT_REQUESTER_NOT_ENTERPRISE',
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
  JSON_TOO_DEEP: { 'zh-CN': '请求体的 JSON 嵌套层级过深（最多 32 层）', en: 'The JSON body is nested too deeply (at most 32 levels)' },
  PAYLOAD_TOO_LARGE: { 'zh-CN': '请求体过大', en: 'The request body is too large' },
  HEADERS_TOO_LARGE: { 'zh-CN': '网址或请求头过长', en: 'The URL or the request headers are too long' },
  UNAUTHENTICATED: { 'zh-CN': '请先登录', en: 'Please sign in' },
  FORBIDDEN: { 'zh-CN': '无权执行此操作', en: 'You are not allowed to do this' },
  NOT_FOUND: { 'zh-CN': '未找到请求的资源', en: 'Not found' },
  METHOD_NOT_ALLOWED: { 'zh-CN': '不支持该请求方法', en: 'Method not allowed' },
  CONFLICT: { 'zh-CN': '与现有数据冲突', en: 'Conflicts with existing data' },
  VERSION_CONFLICT: {
    'zh-CN': '记录已被他人修改，请刷新后重试',
    en: 'The record was changed by someone else; reload and try again',
  },
  TOO_MANY_REQUESTS: { 'zh-CN': '请求过于频繁，请{wait}后再试', en: 'Too many requests; try again in {wait}' },
  SERVICE_UNAVAILABLE: { 'zh-CN': '服务暂不可用', en: 'Service unavailable' },
  INTERNAL_ERROR: { 'zh-CN': '服务器内部错误', en: 'Internal server error' },
  ORGANIZATION_NOT_FOUND: { 'zh-CN': '机构不存在', en: 'Organization not found' },
  INVALID_CREDENTIALS: { 'zh-CN': '邮箱或密码不正确', en: 'Wrong email or password' },
  SIGN_IN_LOCKED: { 'zh-CN': '密码错误次数过多，该账号在此地址暂时锁定，请{wait}后再试', en: 'Too many wrong passwords: this account is locked from this address; try again in {wait}' },
  ACCOUNT_SUSPENDED: { 'zh-CN': '账号已停用，请联系管理员', en: 'This account is suspended; contact an administrator' },
  REGISTRATION_REJECTED: { 'zh-CN': '注册申请未通过审核（原因已发送至您的邮箱），如有疑问请联系平台', en: 'Your registration was declined (the reason was sent to your e-mail); contact the platform with any questions' },
  ACCOUNT_NOT_VERIFIED: {
    'zh-CN': '账号尚未通过审核，暂不能发布或对接，也不能查看所属机构的信息；技术经理人确认后即可',
    en: 'Your account is not verified yet: publishing, contacting others and your organization’s records wait until a broker confirms your membership',
  },
  TOKEN_INVALID: { 'zh-CN': '登录凭证无效或已过期，请重新登录', en: 'The token is invalid or expired; sign in again' },
  EMAIL_TAKEN: { 'zh-CN': '该邮箱已注册', en: 'This email is already registered' },
  SETUP_LINK_INVALID: { 'zh-CN': '设置链接无效或已过期，请查看服务器日志中的新链接，或运行 npm run admin:create', en: 'The setup link is invalid or expired; find a fresh one in the server log, or run npm run admin:create' },
  SETUP_NOT_NEEDED: { 'zh-CN': '管理员已存在，设置链接已失效，请直接登录', en: 'An administrator already exists; the setup link is spent, sign in instead' },
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
  IMPORT_TOO_MANY_ROWS: { 'zh-CN': '文件行数超过单次导入的上限，请拆分后再导入', en: 'The file has more rows than one import allows; split it' },
  IMPORT_FILE_TOO_LARGE: { 'zh-CN': '文件解压后过大，请使用下载的模板并拆分数据', en: 'The workbook is too large once unpacked; use the template and split the data' },
  IMPORT_NOT_PENDING: { 'zh-CN': '该导入已处理，不能再次提交', en: 'This import was already decided' },
  JOB_NOT_FOUND: { 'zh-CN': '后台任务不存在', en: 'Background job not found' },
  JOB_NOT_FAILED: { 'zh-CN': '只有失败的后台任务可以重试', en: 'Only a failed background job can be retried' },
  MATCHING_NOT_READY: { 'zh-CN': '匹配引擎正在加载，请稍后再试', en: 'The matching engine is still loading; try again shortly' },
  MATCH_PAIR_INVALID: { 'zh-CN': '该需求与成果不能构成匹配对', en: 'This need and result do not form a valid pair' },
  // Deals, contracts and registration (issue 6) append their messages below this line.
  DEAL_NOT_FOUND: { 'zh-CN': '撮合项目不存在或无权查看', en: 'Deal not found' },
  DEAL_TRANSITION_NOT_ALLOWED: { 'zh-CN': '撮合项目不能从当前阶段移到该阶段', en: 'The deal cannot move from its current stage to that stage' },
  DEAL_CONTRACT_REQUIRED: { 'zh-CN': '请先录入技术合同，再标记合同已签订', en: 'Record the technology contract before marking it signed' },
  DEAL_PUBLIC_NOTICE_PENDING: { 'zh-CN': '协议定价的高校院所成果须公示期满（15 日）后才能签订合同，或由管理员记录原因', en: 'A result priced by agreement must finish its 15-day public notice before signing, unless an administrator records why' },
  DEAL_NOTICE_OVERRIDE_ADMIN_ONLY: { 'zh-CN': '只有管理员可以跳过公示并记录原因', en: 'Only an administrator may skip the public notice' },
  DEAL_NDA_PENDING: { 'zh-CN': '项目各方尚未全部接受保密协议', en: 'Not every party has accepted the NDA yet' },
  DEAL_PRICE_REQUIRED: { 'zh-CN': '公示需要拟交易价格：请先达成报价或填写价格', en: 'A public notice needs the intended price: agree an offer or set the price first' },
  DEAL_CONTRACT_NOT_REGISTERED: { 'zh-CN': '合同尚未完成认定登记', en: 'No contract of this deal is registered yet' },
  DEAL_PAYMENT_REQUIRED: { 'zh-CN': '尚无到账记录', en: 'No payment has been received yet' },
  DEAL_NOT_OPEN: { 'zh-CN': '撮合项目已结项或未成交，不能再修改', en: 'The deal is closed or lost and cannot change' },
  DEAL_PARTICIPANT_INVALID: { 'zh-CN': '该用户不能加入此撮合项目', en: 'This user cannot join this deal' },
  DEAL_NOT_PARTICIPANT: { 'zh-CN': '只有项目参与方和技术经理人可以在此撮合项目中发言', en: 'Only the deal’s participants and its brokers may write in it' },
  DEAL_CLOSURE_NOT_PROPOSED: { 'zh-CN': '该撮合项目没有待确认的“不合适”答复（可能已被处理）', en: 'No “not a fit” answer is waiting on this deal (it may have been handled already)' },
  INTRODUCTION_NOT_FOUND: { 'zh-CN': '对接请求不存在或无权查看', en: 'Introduction not found' },
  INTRODUCTION_LISTING_INVALID: { 'zh-CN': '只能对已发布的成果或需求发起对接', en: 'Introductions are only possible for published listings' },
  INTRODUCTION_OWN_LISTING: { 'zh-CN': '不能对自己的成果或需求发起对接', en: 'You cannot ask for an introduction to your own listing' },
  INTRODUCTION_DUPLICATE: { 'zh-CN': '您已对该信息发起过对接，正在处理中', en: 'You already have an open introduction for this listing' },
  INTRODUCTION_ALREADY_ANSWERED: { 'zh-CN': '该对接请求已答复', en: 'This introduction was already answered' },
  NDA_NOT_AVAILABLE: { 'zh-CN': '确认意向后才能签署保密协议', en: 'The NDA can be accepted once interest is confirmed' },
  NDA_VERSION_OUTDATED: { 'zh-CN': '保密协议已更新，请阅读最新版本后再接受', en: 'The NDA text has changed; read the current version and accept it' },
  OFFER_NOT_FOUND: { 'zh-CN': '报价不存在', en: 'Offer not found' },
  OFFER_NOT_ALLOWED: { 'zh-CN': '只有谈判阶段可以报价', en: 'Offers are only possible while negotiating' },
  OFFER_ALREADY_ANSWERED: { 'zh-CN': '该报价已处理', en: 'This offer was already answered' },
  OFFER_OWN: { 'zh-CN': '不能接受或拒绝本方的报价', en: 'You cannot answer an offer from your own side' },
  PUBLIC_NOTICE_NOT_FOUND: { 'zh-CN': '公示不存在', en: 'Public notice not found' },
  PUBLIC_NOTICE_ENDED: { 'zh-CN': '公示期已结束，不能再提出异议', en: 'The public notice has ended; objections are closed' },
  OBJECTION_NOT_FOUND: { 'zh-CN': '异议不存在', en: 'Objection not found' },
  OBJECTION_ALREADY_ANSWERED: { 'zh-CN': '该异议已答复', en: 'This objection was already answered' },
  DEAL_OBJECTIONS_UNANSWERED: { 'zh-CN': '公示期内收到的异议尚未全部答复，答复后才能签订合同', en: 'Every objection to the public notice must be answered before the contract is signed' },
  CONTRACT_NOT_FOUND: { 'zh-CN': '技术合同不存在或无权查看', en: 'Contract not found' },
  CONTRACT_TYPE_NOT_FOUND: { 'zh-CN': '合同类型不存在', en: 'Contract type not found' },
  PAYMENT_EXCEEDS_CONTRACT: { 'zh-CN': '累计到账金额不能超过合同成交额', en: 'Money received may not exceed the contract amount' },
  REGISTRATION_TRANSITION_NOT_ALLOWED: { 'zh-CN': '当前登记状态下不能执行此操作', en: 'This registration step is not allowed in the current status' },
  NDA_VERSION_NOT_FOUND: { 'zh-CN': '保密协议版本不存在', en: 'NDA version not found' },
  NOTIFICATION_NOT_FOUND: { 'zh-CN': '通知不存在', en: 'Notification not found' },
  // KPI ledger (issue 7)
  KPI_ENTERPRISE_NOT_MONITORED: { 'zh-CN': '只有重点监测企业需要填报研发投入', en: 'R&D spending is only kept for key monitored enterprises' },
  KPI_INSTITUTION_INVALID: { 'zh-CN': '分机构目标只能设给高校或科研院所', en: 'Per-institution targets are only for universities and institutes' },
  // Evidence and documents (issue 12)
  ATTACHMENT_NOT_FOUND: { 'zh-CN': '附件不存在或无权查看', en: 'Attachment not found' },
  ATTACHMENT_TYPE_NOT_ALLOWED: { 'zh-CN': '文件内容不是允许的类型（PDF、PNG、JPEG 或 WebP，以文件内容为准）', en: 'The file content is not an allowed type (PDF, PNG, JPEG or WebP, judged by content)' },
  ATTACHMENT_CATEGORY_NOT_ALLOWED: { 'zh-CN': '该记录不接受此类附件', en: 'This record does not take this kind of attachment' },
  // Ledger gates (issue 12)
  CONTRACT_TERMS_NOT_AGREED: { 'zh-CN': '撮合项目尚未达成条款，不能录入已签订的技术合同', en: 'The deal has not agreed its terms yet; a signed contract cannot be recorded' },
  CONTRACT_CHAIN_INCOMPLETE: { 'zh-CN': '该合同的签约流程不完整（见原因），不能登记、记录到账或变更', en: 'This contract’s chain is incomplete (see the reason); it cannot be registered, paid or amended' },
  CONTRACT_FROZEN: { 'zh-CN': '已登记合同的金额、当事方和类型不能直接修改，请记录一项变更（附原因与生效日期）', en: 'A registered contract’s amounts, parties and type are frozen; record an amendment with its reason and effective date' },
  CONTRACT_AMENDMENT_NOT_ALLOWED: { 'zh-CN': '只有已登记的合同需要记录变更；未登记的合同可直接修改', en: 'Only registered contracts take amendments; edit an unregistered contract directly' },
  DEAL_REASSIGN_NOT_BROKER: { 'zh-CN': '只能转交给在职的技术经理人', en: 'Deals can only be handed to an active broker' },
  SYNONYM_GROUP_NOT_FOUND: { 'zh-CN': '同义词组不存在', en: 'Synonym group not found' },
  SYNONYM_TERM_TAKEN: { 'zh-CN': '该词已在另一个同义词组中', en: 'This term is already in another synonym group' },
  FIELD_PARENT_INACTIVE: { 'zh-CN': '上级领域已停用，不能在其下新增或启用子领域', en: 'The parent field is inactive: no child can be added or reactivated under it' },
  EXPERT_NOT_FOUND: { 'zh-CN': '专家不存在或无权查看', en: 'Expert not found' },
  EXPERT_PROFILE_EXISTS: { 'zh-CN': '该账号已有专家档案', en: 'This account already has an expert profile' },
  LABORATORY_NOT_FOUND: { 'zh-CN': '实验室或平台不存在', en: 'Laboratory not found' },
  CARRIER_NOT_FOUND: { 'zh-CN': '科创载体不存在', en: 'Innovation carrier not found' },
  CARRIER_NAME_TAKEN: { 'zh-CN': '已有同名的科创载体', en: 'An innovation carrier with this name already exists' },
  LANDING_DEAL_NOT_SIGNED: { 'zh-CN': '撮合项目签订合同后才能记录项目落地', en: 'A landing can only be recorded once the deal’s contract is signed' },
  INSTRUMENT_NOT_FOUND: { 'zh-CN': '共享仪器不存在或已停用', en: 'Shared instrument not found' },
  INSTRUMENT_REQUEST_NOT_FOUND: { 'zh-CN': '仪器使用申请不存在或无权查看', en: 'Instrument request not found' },
  INSTRUMENT_REQUEST_ANSWERED: { 'zh-CN': '该申请已经答复过', en: 'This request has already been answered' },
  INSTRUMENT_NOT_YOURS: { 'zh-CN': '只有实验室所属机构的人员或技术经理人可以管理该仪器', en: 'Only the laboratory’s organization or a broker may manage this instrument' },
  INSTRUMENT_REQUESTER_NOT_ENTERPRISE: { 'zh-CN': '只有企业账号可以申请使用共享仪器', en: 'Only an enterprise account may ask to use a shared instrument' },
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
  /** On a 5xx: the request's id (X-Request-Id), under which the server logged what went wrong. */
  requestId?: string;
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

/**
 * Fills `{wait}` in a message with how long to wait, in the caller's language: "14 分钟" / "14 minutes".
 * Without a known wait it says "稍后" / "a while".
 */
export function fillWait(message: string, seconds: number | undefined, locale: Locale): string {
  if (!message.includes('{wait}')) return message;
  return message.replace('{wait}', formatWait(seconds, locale));
}

function formatWait(seconds: number | undefined, locale: Locale): string {
  const zh = locale === 'zh-CN';
  // "请稍后再试": the message's own 后 completes it.
  if (seconds === undefined || !Number.isFinite(seconds) || seconds <= 0) return zh ? '稍' : 'a while';
  if (seconds < 60) return zh ? ` ${Math.ceil(seconds)} 秒` : `${Math.ceil(seconds)} second${Math.ceil(seconds) === 1 ? '' : 's'}`;
  if (seconds < 2 * 3600) {
    const minutes = Math.ceil(seconds / 60);
    return zh ? ` ${minutes} 分钟` : `${minutes} minute${minutes === 1 ? '' : 's'}`;
  }
  const hours = Math.ceil(seconds / 3600);
  return zh ? ` ${hours} 小时` : `${hours} hours`;
}
