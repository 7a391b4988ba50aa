import { AuditAction } from '@xkx/contracts';
import { MessageKey } from '@xkx/web/i18n';

/** The words for each audit action; a new action fails to compile until it has them. */
export const AUDIT_ACTION_KEYS: Record<AuditAction, MessageKey> = {
  REGISTERED: 'auditAction.REGISTERED',
  REGISTRATION_EMAIL_TAKEN: 'auditAction.REGISTRATION_EMAIL_TAKEN',
  LOGIN_SUCCEEDED: 'auditAction.LOGIN_SUCCEEDED',
  LOGIN_FAILED: 'auditAction.LOGIN_FAILED',
  LOGIN_THROTTLED: 'auditAction.LOGIN_THROTTLED',
  LOGOUT: 'auditAction.LOGOUT',
  TOKEN_REUSE_DETECTED: 'auditAction.TOKEN_REUSE_DETECTED',
  PASSWORD_CHANGED: 'auditAction.PASSWORD_CHANGED',
  PASSWORD_RESET_REQUESTED: 'auditAction.PASSWORD_RESET_REQUESTED',
  PASSWORD_RESET: 'auditAction.PASSWORD_RESET',
  USER_CREATED: 'auditAction.USER_CREATED',
  USER_VERIFIED: 'auditAction.USER_VERIFIED',
  USER_REJECTED: 'auditAction.USER_REJECTED',
  STATUS_CHANGED: 'auditAction.STATUS_CHANGED',
  ROLE_CHANGED: 'auditAction.ROLE_CHANGED',
  ORGANIZATION_CREATED: 'auditAction.ORGANIZATION_CREATED',
  ORGANIZATION_UPDATED: 'auditAction.ORGANIZATION_UPDATED',
  ORGANIZATION_VERIFIED: 'auditAction.ORGANIZATION_VERIFIED',
};
