import { permissionsFor, Role, UserStatus } from '@xkx/contracts';
import { AuthUser } from '../../common/auth/auth-user';
import { canManage, canView } from './listing-access';

const user = (id: string, role: Role, organizationId: string, status: UserStatus = 'ACTIVE'): AuthUser => ({
  id, role, status, organizationId, email: `${id}@x.cn`, name: id, permissions: permissionsFor(role, status),
});

describe('listing access', () => {
  const owner = user('u1', 'RESEARCHER', 'nju');
  const colleague = user('u2', 'RESEARCHER', 'nju');
  const staff = user('u3', 'ENTERPRISE', 'acme');
  const otherStaff = user('u4', 'ENTERPRISE', 'other');
  const broker = user('b', 'BROKER', 'center');
  const draft = { ownerId: 'u1', organizationId: 'nju', status: 'DRAFT' as const };

  it('researchers manage only their own results', () => {
    expect(canManage(owner, 'RESULT', draft)).toBe(true);
    expect(canManage(colleague, 'RESULT', draft)).toBe(false);
  });
  it('enterprise staff manage their enterprise needs, not others', () => {
    const need = { ownerId: 'someone', organizationId: 'acme', status: 'DRAFT' as const };
    expect(canManage(staff, 'NEED', need)).toBe(true);
    expect(canManage(otherStaff, 'NEED', need)).toBe(false);
  });
  it('brokers manage everything; anonymous nothing', () => {
    expect(canManage(broker, 'RESULT', draft)).toBe(true);
    expect(canManage(undefined, 'RESULT', draft)).toBe(false);
  });
  it('unpublished listings are invisible to outsiders', () => {
    expect(canView(undefined, 'RESULT', draft)).toBe(false);
    expect(canView(colleague, 'RESULT', draft)).toBe(false);
    expect(canView(undefined, 'RESULT', { ...draft, status: 'PUBLISHED' })).toBe(true);
  });
});
