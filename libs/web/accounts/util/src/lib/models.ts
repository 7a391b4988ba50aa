import { AuditAction, AuditEntityType, AuditEntryView, OrganizationInput, OrganizationKind, Role, UserStatus } from '@xkx/contracts';

// Response shapes of /api/users, /api/organizations/:id, /api/audit-logs and /api/outbox, as the
// OpenAPI document describes them; @xkx/contracts has no interfaces for these yet.

export interface Page<T> {
  items: T[];
  total: number;
}

export interface UserSummary {
  id: string;
  email: string;
  name: string;
  mobile: string | null;
  role: Role;
  status: UserStatus;
  organization: { id: string; nameZh: string; kind: OrganizationKind } | null;
  createdAt: string;
  lastLoginAt: string | null;
  verifiedAt: string | null;
}

export interface UserQuery {
  q?: string;
  role?: Role | null;
  status?: UserStatus | null;
  limit: number;
  offset: number;
}

export interface CreateUserRequest {
  email: string;
  password: string;
  name: string;
  mobile?: string;
  role: Role;
  organizationId: string;
}

/** POST /users/invitations: the invitee chooses the password through the mailed link. */
export type InviteUserRequest = Omit<CreateUserRequest, 'password'>;

export interface OrganizationQuery {
  q?: string;
  kind?: OrganizationKind | null;
  limit: number;
  offset: number;
}

/** An audit entry as the API serves it, already in people's words. */
export type AuditLogEntry = AuditEntryView;

export interface AuditQuery {
  action?: AuditAction | null;
  subjectType?: AuditEntityType | null;
  /** Part of the entity's code or title. */
  subject?: string;
  /** Part of the actor's name or email. */
  actor?: string;
  /** YYYY-MM-DD, inclusive. */
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

export interface OutboxMail {
  id: string;
  createdAt: string;
  to: string;
  subject: string;
  body: string;
  status: 'PENDING' | 'SENT' | 'FAILED';
  attempts: number;
  sentAt: string | null;
}

/** Drops empty filters so the query string only says what the user chose. */
export function queryParams(query: object): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(query)) {
    if (typeof value === 'number' || (typeof value === 'string' && value.trim() !== '')) {
      params[key] = typeof value === 'string' ? value.trim() : value;
    }
  }
  return params;
}

/** What an organization picker asks for: the typed text and the kinds that fit the role. */
export interface OrganizationSearch {
  q: string;
  kinds: readonly OrganizationKind[];
}

/** The organization kinds an account of each role belongs to (as the API checks on register and create). */
export const ROLE_ORGANIZATION_KINDS: Record<Role, readonly OrganizationKind[]> = {
  RESEARCHER: ['UNIVERSITY', 'INSTITUTE'],
  ENTERPRISE: ['ENTERPRISE'],
  BROKER: ['AGENCY', 'UNIVERSITY', 'INSTITUTE'],
  ADMIN: ['AGENCY'],
};

/** What the organization form gives back: the fields and the administrator's verification flag. */
export type OrganizationFormValue = OrganizationInput & { verified: boolean };
