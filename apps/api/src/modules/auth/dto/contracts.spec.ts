import { readFileSync } from 'node:fs';
import type {
  Accepted,
  AuthTokens,
  ChangePasswordRequest,
  CurrentUser,
  EnterpriseRegistration,
  ForgotPasswordRequest,
  LoginRequest,
  ProfileUpdate,
  RefreshRequest,
  RegisterRequest,
  ResetPasswordRequest,
  Session,
} from '@xkx/contracts';
import { exact, uncheckedContracts } from '../../../common/contracts/contract-check';
import type {
  AcceptedDto,
  AuthTokensDto,
  ChangePasswordDto,
  CurrentUserDto,
  EnterpriseRegistrationDto,
  ForgotPasswordDto,
  LoginDto,
  RefreshDto,
  RegisterDto,
  ResetPasswordDto,
  SessionDto,
  UpdateProfileDto,
} from './auth.dto';

// Each DTO is the same shape as its contract (the typecheck target compiles this file; see contract-check.ts).
exact<EnterpriseRegistrationDto, EnterpriseRegistration>(true);
exact<RegisterDto, RegisterRequest>(true);
exact<LoginDto, LoginRequest>(true);
exact<RefreshDto, RefreshRequest>(true);
exact<ChangePasswordDto, ChangePasswordRequest>(true);
exact<ForgotPasswordDto, ForgotPasswordRequest>(true);
exact<ResetPasswordDto, ResetPasswordRequest>(true);
exact<UpdateProfileDto, ProfileUpdate>(true);
exact<AuthTokensDto, AuthTokens>(true);
exact<CurrentUserDto, CurrentUser>(true);
exact<SessionDto, Session>(true);
exact<AcceptedDto, Accepted>(true);

describe('auth/dto DTOs and their contracts', () => {
  it('checks every DTO that implements a contract', () => {
    expect(uncheckedContracts(__dirname, readFileSync(__filename, 'utf8'))).toEqual([]);
  });
});
