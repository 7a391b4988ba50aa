import { Body, Controller, Get, HttpCode, HttpStatus, Patch, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Permission } from '@xkx/contracts';
import { AuthUser } from '../../common/auth/auth-user';
import { Authenticated, CurrentUser, Public } from '../../common/decorators/public.decorator';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import { Meta, RequestMeta } from '../../common/http/request-meta';
import { AuthService } from './auth.service';
import {
  AcceptedDto,
  AuthTokensDto,
  ChangePasswordDto,
  CurrentUserDto,
  ForgotPasswordDto,
  LoginDto,
  RefreshDto,
  RegisterDto,
  ResetPasswordDto,
  SessionDto,
  UpdateProfileDto,
} from './dto/auth.dto';
import { RateLimit } from '../../common/rate-limit/rate-limit.decorator';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('register')
  @RateLimit('register')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({
    type: AcceptedDto,
    description: 'The same answer whether or not the e-mail is taken: a new account is created pending verification and signs in with POST /auth/login; the owner of a taken e-mail is mailed instead',
  })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  async register(@Body() dto: RegisterDto, @Meta() meta: RequestMeta): Promise<AcceptedDto> {
    await this.auth.register(dto, meta);
    return { accepted: true };
  }

  @Public()
  @Post('login')
  @RateLimit('signInAddress', 'signInAccount')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: SessionDto })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto, description: '5 failures in 15 minutes for one account from one address (SIGN_IN_LOCKED), or a sign-in rate limit; see Retry-After' })
  login(@Body() dto: LoginDto, @Meta() meta: RequestMeta): Promise<SessionDto> {
    return this.auth.login(dto, meta);
  }

  @Public()
  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: AuthTokensDto, description: 'The refresh token is rotated; the old one is spent' })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto })
  refresh(@Body() dto: RefreshDto, @Meta() meta: RequestMeta): Promise<AuthTokensDto> {
    return this.auth.refresh(dto.refreshToken, meta);
  }

  @Public()
  @Post('logout')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: AcceptedDto })
  async logout(@Body() dto: RefreshDto, @Meta() meta: RequestMeta): Promise<AcceptedDto> {
    await this.auth.logout(dto.refreshToken, meta);
    return { accepted: true };
  }

  @Get('me')
  @Authenticated(null)
  @ApiOkResponse({ type: CurrentUserDto })
  me(@CurrentUser() user: AuthUser): Promise<CurrentUserDto> {
    return this.auth.me(user.id);
  }

  @Patch('me')
  @Authenticated(Permission.PROFILE_MANAGE)
  @ApiOkResponse({ type: CurrentUserDto })
  updateProfile(@CurrentUser() user: AuthUser, @Body() dto: UpdateProfileDto): Promise<CurrentUserDto> {
    return this.auth.updateProfile(user.id, dto);
  }

  @Post('change-password')
  @HttpCode(HttpStatus.OK)
  @Authenticated(Permission.PROFILE_MANAGE)
  @ApiOkResponse({ type: AuthTokensDto, description: 'Other sessions are signed out; new tokens for this one' })
  changePassword(@CurrentUser() user: AuthUser, @Body() dto: ChangePasswordDto, @Meta() meta: RequestMeta): Promise<AuthTokensDto> {
    return this.auth.changePassword(user.id, dto, meta);
  }

  @Public()
  @Post('forgot-password')
  @RateLimit('forgotPasswordAddress', 'forgotPasswordEmail')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({ type: AcceptedDto, description: 'Always accepted; a reset link is mailed if the account exists' })
  async forgotPassword(@Body() dto: ForgotPasswordDto, @Meta() meta: RequestMeta): Promise<AcceptedDto> {
    await this.auth.requestPasswordReset(dto.email, meta);
    return { accepted: true };
  }

  @Public()
  @Post('reset-password')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: AcceptedDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  async resetPassword(@Body() dto: ResetPasswordDto, @Meta() meta: RequestMeta): Promise<AcceptedDto> {
    await this.auth.resetPassword(dto, meta);
    return { accepted: true };
  }
}
