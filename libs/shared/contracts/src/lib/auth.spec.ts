import { hasPermission, Permission, permissionsFor, Role, ROLE_PERMISSIONS, UserStatus } from './auth';

describe('permissions', () => {
  it('admins hold every permission', () => {
    expect(new Set(ROLE_PERMISSIONS.ADMIN)).toEqual(new Set(Object.values(Permission)));
  });
  it('pending accounts can write drafts but not submit or contact', () => {
    expect(hasPermission(Role.RESEARCHER, UserStatus.PENDING, Permission.RESULT_WRITE)).toBe(true);
    expect(hasPermission(Role.RESEARCHER, UserStatus.PENDING, Permission.LISTING_SUBMIT)).toBe(false);
    expect(hasPermission(Role.ENTERPRISE, UserStatus.PENDING, Permission.INTRODUCTION_REQUEST)).toBe(false);
    expect(hasPermission(Role.ENTERPRISE, UserStatus.ACTIVE, Permission.INTRODUCTION_REQUEST)).toBe(true);
  });
  it('pending accounts hold only their profile and their drafts: nothing of their organization', () => {
    expect(permissionsFor(Role.ENTERPRISE, UserStatus.PENDING)).toEqual([Permission.PROFILE_MANAGE, Permission.NEED_WRITE]);
    expect(permissionsFor(Role.RESEARCHER, UserStatus.PENDING)).toEqual([Permission.PROFILE_MANAGE, Permission.RESULT_WRITE]);
    for (const p of [Permission.DEAL_PARTICIPATE, Permission.MATCH_READ, Permission.RND_SPENDING_WRITE]) expect(hasPermission(Role.ENTERPRISE, UserStatus.PENDING, p)).toBe(false);
  });
  it('suspended accounts hold nothing', () => {
    expect(permissionsFor(Role.ADMIN, UserStatus.SUSPENDED)).toEqual([]);
  });
  it('researchers cannot review or manage users', () => {
    expect(hasPermission(Role.RESEARCHER, UserStatus.ACTIVE, Permission.LISTING_REVIEW)).toBe(false);
    expect(hasPermission(Role.BROKER, UserStatus.ACTIVE, Permission.USER_MANAGE)).toBe(false);
    expect(hasPermission(Role.BROKER, UserStatus.ACTIVE, Permission.USER_VERIFY)).toBe(true);
  });
});
