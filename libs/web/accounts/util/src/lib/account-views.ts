import {
  AuditAction,
  AuditEntityType,
  OrganizationInput,
  OrganizationKind,
  Role,
  UserStatus,
} from '@xkx/contracts';

// What the account pages hold beside the API's shapes (those are in @xkx/contracts): list filters as the
// pages keep them, the generic page of a list, and the rules the forms follow.

export interface Page<T> {
  items: T[];
  total: number;
}

export interface UserQuery {
  q?: string;
  role?: Role | null;
  status?: UserStatus | null;
  limit: number;
  offset: number;
}

export interface OrganizationQuery {
  q?: string;
  kind?: OrganizationKind | null;
  limit: number;
  offset: number;
}

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
