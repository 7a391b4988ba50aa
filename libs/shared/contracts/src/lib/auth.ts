import type { BulkItem, VerificationDecision } from './bulk';
import type { OrganizationKind } from './organizations';
/**
 * One permission vocabulary for the API guards and the web app. A role grants permissions; a pending
 * (not yet verified) account holds its role's permissions except the ones that act in public or
 * contact others.
 */
export const Role = {
  RESEARCHER: 'RESEARCHER',
  ENTERPRISE: 'ENTERPRISE',
  BROKER: 'BROKER',
  ADMIN: 'ADMIN',
} as const;
export type Role = (typeof Role)[keyof typeof Role];

export const UserStatus = {
  PENDING: 'PENDING',
  ACTIVE: 'ACTIVE',
  SUSPENDED: 'SUSPENDED',
} as const;
export type UserStatus = (typeof UserStatus)[keyof typeof UserStatus];

export const Permission = {
  /** Own profile, password, sessions. */
  PROFILE_MANAGE: 'profile:manage',
  USER_READ: 'user:read',
  USER_MANAGE: 'user:manage',
  USER_VERIFY: 'user:verify',
  ORGANIZATION_MANAGE: 'organization:manage',
  AUDIT_READ: 'audit:read',
  OUTBOX_READ: 'outbox:read',
  /** Background jobs: see them, retry a failed one (administrators). */
  JOB_MANAGE: 'job:manage',
  RESULT_WRITE: 'result:write',
  NEED_WRITE: 'need:write',
  LISTING_SUBMIT: 'listing:submit',
  LISTING_REVIEW: 'listing:review',
  LISTING_READ_ALL: 'listing:read-all',
  LISTING_IMPORT: 'listing:import',
  LISTING_EXPORT: 'listing:export',
  TAXONOMY_MANAGE: 'taxonomy:manage',
  MATCH_READ: 'match:read',
  MATCH_BROKER: 'match:broker',
  INTRODUCTION_REQUEST: 'introduction:request',
  DEAL_PARTICIPATE: 'deal:participate',
  DEAL_MANAGE: 'deal:manage',
  CONTRACT_MANAGE: 'contract:manage',
  KPI_READ: 'kpi:read',
  KPI_MANAGE: 'kpi:manage',
  RND_SPENDING_WRITE: 'rnd-spending:write',
  /** A researcher's own expert profile; brokers any profile (issue 16). */
  EXPERT_WRITE: 'expert:write',
  /** Verify expert profiles, see their contact details, import them from Excel. */
  EXPERT_VERIFY: 'expert:verify',
  /** Create and edit laboratories and platforms. */
  LABORATORY_MANAGE: 'laboratory:manage',
  /** 科创载体: add and keep the innovation carriers (issue 16). */
  CARRIER_MANAGE: 'carrier:manage',
  /** A laboratory's shared instruments and the answers to requests for them: its organization's researchers (their own), brokers (any). */
  INSTRUMENT_MANAGE: 'instrument:manage',
  /** Ask to use a shared instrument (enterprises, brokers on their behalf). */
  INSTRUMENT_REQUEST: 'instrument:request',
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];

const P = Permission;

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  RESEARCHER: [P.PROFILE_MANAGE, P.RESULT_WRITE, P.LISTING_SUBMIT, P.MATCH_READ, P.INTRODUCTION_REQUEST, P.DEAL_PARTICIPATE, P.EXPERT_WRITE, P.INSTRUMENT_MANAGE],
  ENTERPRISE: [
    P.PROFILE_MANAGE,
    P.NEED_WRITE,
    P.LISTING_SUBMIT,
    P.MATCH_READ,
    P.INTRODUCTION_REQUEST,
    P.DEAL_PARTICIPATE,
    P.RND_SPENDING_WRITE,
    P.INSTRUMENT_REQUEST,
  ],
  BROKER: [
    P.PROFILE_MANAGE,
    P.USER_READ,
    P.USER_VERIFY,
    P.RESULT_WRITE,
    P.NEED_WRITE,
    P.LISTING_SUBMIT,
    P.LISTING_REVIEW,
    P.LISTING_READ_ALL,
    P.LISTING_IMPORT,
    P.LISTING_EXPORT,
    P.MATCH_READ,
    P.MATCH_BROKER,
    P.INTRODUCTION_REQUEST,
    P.DEAL_PARTICIPATE,
    P.DEAL_MANAGE,
    P.CONTRACT_MANAGE,
    P.KPI_READ,
    P.RND_SPENDING_WRITE,
    P.EXPERT_WRITE,
    P.EXPERT_VERIFY,
    P.LABORATORY_MANAGE,
    P.CARRIER_MANAGE,
    P.INSTRUMENT_MANAGE,
    P.INSTRUMENT_REQUEST,
  ],
  ADMIN: Object.values(Permission),
};

/**
 * All a pending account may do: its own profile and its own drafts. Joining an organization is a
 * request; until a broker approves it the account sees and changes nothing of the organization
 * (listings, deals, messages, NDAs, contracts, matches, R&D figures). A list of what is allowed, not of
 * what is refused, so a permission added later is closed to pending accounts by default.
 */
export const PENDING_PERMISSIONS: readonly Permission[] = [P.PROFILE_MANAGE, P.RESULT_WRITE, P.NEED_WRITE];

/** Permissions a role holds once verified that a pending account of that role does not (yet). */
export const VERIFIED_ONLY: readonly Permission[] = Object.values(Permission).filter((p) => !PENDING_PERMISSIONS.includes(p));

export function permissionsFor(role: Role, status: UserStatus): Permission[] {
  if (status === UserStatus.SUSPENDED) return [];
  const granted = ROLE_PERMISSIONS[role];
  return status === UserStatus.PENDING ? granted.filter((p) => PENDING_PERMISSIONS.includes(p)) : [...granted];
}

export function hasPermission(role: Role, status: UserStatus, permission: Permission): boolean {
  return permissionsFor(role, status).includes(permission);
}

export const ROLE_LABELS: Record<Role, { 'zh-CN': string; en: string }> = {
  RESEARCHER: { 'zh-CN': '科研人员', en: 'Researcher' },
  ENTERPRISE: { 'zh-CN': '企业用户', en: 'Enterprise' },
  BROKER: { 'zh-CN': '技术经理人', en: 'Broker' },
  ADMIN: { 'zh-CN': '管理员', en: 'Administrator' },
};

export const USER_STATUS_LABELS: Record<UserStatus, { 'zh-CN': string; en: string }> = {
  PENDING: { 'zh-CN': '待审核', en: 'Pending' },
  ACTIVE: { 'zh-CN': '已认证', en: 'Active' },
  SUSPENDED: { 'zh-CN': '已停用', en: 'Suspended' },
};

export const PASSWORD_MIN_LENGTH = 10;
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

export interface AuthTokens {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
}

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  mobile: string | null;
  role: Role;
  status: UserStatus;
  organization: UserOrganization | null;
  permissions: Permission[];
}

// ---- Shapes of /api/auth and /api/users ----

/** The organization an account belongs to, as accounts carry it. */
export interface UserOrganization {
  id: string;
  nameZh: string;
  kind: OrganizationKind;
}

/** POST /api/auth/login, POST /api/auth/register: the signed-in account and its tokens. */
export interface Session {
  user: CurrentUser;
  tokens: AuthTokens;
}

/** Enterprise staff registering: the 统一社会信用代码 joins the enterprise that has it, or creates it. */
export interface EnterpriseRegistration {
  creditCode: string;
  /** Required when no enterprise has the credit code yet. */
  nameZh?: string;
  address?: string;
}

/** POST /api/auth/register */
export interface RegisterRequest {
  email: string;
  password: string;
  name: string;
  mobile?: string;
  role: 'RESEARCHER' | 'ENTERPRISE';
  /** Researchers: their university or institute. */
  organizationId?: string;
  /** Enterprise staff: their enterprise. */
  enterprise?: EnterpriseRegistration;
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface RefreshRequest {
  refreshToken: string;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

export interface ForgotPasswordRequest {
  email: string;
}

export interface ResetPasswordRequest {
  token: string;
  newPassword: string;
}

/** The profile update: absent keeps a value; a null mobile removes the number. */
export interface ProfileUpdate {
  name?: string;
  mobile?: string | null;
}

/** The answer of requests that start something by mail (forgot password …): always accepted. */
export interface Accepted {
  accepted: boolean;
}

/** GET /api/users: one account as administrators and brokers see it. */
export interface UserSummary {
  id: string;
  email: string;
  name: string;
  mobile: string | null;
  role: Role;
  status: UserStatus;
  organization: UserOrganization | null;
  createdAt: string;
  lastLoginAt: string | null;
  verifiedAt: string | null;
}

export interface UserList {
  items: UserSummary[];
  total: number;
}

/** GET /api/users */
export interface UserListQuery {
  /** Name or email contains. */
  q?: string;
  role?: Role;
  status?: UserStatus;
  organizationId?: string;
  limit?: number;
  offset?: number;
}

/** POST /api/users: an account opened by an administrator with a password. */
export interface CreateUserRequest {
  email: string;
  password: string;
  name: string;
  mobile?: string;
  role: Role;
  organizationId: string;
}

/** POST /api/users/invitations: the invitee chooses the password through the mailed link. */
export type InviteUserRequest = Omit<CreateUserRequest, 'password'>;

/** PATCH /api/users/:id/status */
export interface UserStatusChange {
  status: 'ACTIVE' | 'SUSPENDED';
  reason?: string;
}

/** PATCH /api/users/:id/role */
export interface UserRoleChange {
  role: Role;
}

/** POST /api/users/:id/reject: why a pending account is refused. */
export interface UserRejection {
  reason: string;
}

/** POST /api/users/bulk-verify: several pending accounts decided at once (the reason is required to refuse). */
export interface BulkVerifyInput {
  decision: VerificationDecision;
  reason?: string;
  items: BulkItem[];
}
