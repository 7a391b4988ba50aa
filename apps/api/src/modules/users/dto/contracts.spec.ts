import { readFileSync } from 'node:fs';
import type {
  BulkVerifyInput,
  CreateUserRequest,
  InviteUserRequest,
  UserList,
  UserListQuery,
  UserOrganization,
  UserRejection,
  UserRoleChange,
  UserStatusChange,
  UserSummary,
} from '@xkx/contracts';
import { exact, exactQuery, uncheckedContracts } from '../../../common/contracts/contract-check';
import type {
  BulkVerifyDto,
  ChangeRoleDto,
  ChangeStatusDto,
  CreateUserDto,
  InviteUserDto,
  ListUsersQueryDto,
  RejectUserDto,
  UserListResponseDto,
  UserOrganizationDto,
  UserResponseDto,
} from './users.dto';

// Each DTO is the same shape as its contract (the typecheck target compiles this file; see contract-check.ts).
exactQuery<ListUsersQueryDto, UserListQuery>(true);
exact<CreateUserDto, CreateUserRequest>(true);
exact<InviteUserDto, InviteUserRequest>(true);
exact<ChangeStatusDto, UserStatusChange>(true);
exact<ChangeRoleDto, UserRoleChange>(true);
exact<RejectUserDto, UserRejection>(true);
exact<BulkVerifyDto, BulkVerifyInput>(true);
exact<UserOrganizationDto, UserOrganization>(true);
exact<UserResponseDto, UserSummary>(true);
exact<UserListResponseDto, UserList>(true);

describe('users/dto DTOs and their contracts', () => {
  it('checks every DTO that implements a contract', () => {
    expect(uncheckedContracts(__dirname, readFileSync(__filename, 'utf8'))).toEqual([]);
  });
});
