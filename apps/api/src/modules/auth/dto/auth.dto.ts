import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Accepted, AuthTokens, ChangePasswordRequest, CurrentUser, EnterpriseRegistration, ForgotPasswordRequest, LoginRequest, Permission, ProfileUpdate, RefreshRequest, RegisterRequest, ResetPasswordRequest, Role, Session, UserStatus } from '@xkx/contracts';
import { Transform, Type } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf, ValidateNested } from 'class-validator';
import { trim, trimText } from '../../../common/validation/transforms';
import { UserOrganizationDto } from '@xkx/api/modules/users/dto/users.dto';
import { IsCreditCode, IsMobileCN } from '../../../common/validation/validators';

const trimLower = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? trimText(value).toLowerCase() : value);

export class EnterpriseRegistrationDto implements EnterpriseRegistration {
  @ApiProperty({ example: '91320113MA1XK0001X', description: '统一社会信用代码: joins the enterprise that has it, or creates it' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsCreditCode()
  creditCode!: string;

  @ApiPropertyOptional({ example: '南京栖霞新能源科技有限公司', description: 'Required when no enterprise has the credit code yet' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  nameZh?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string;
}

export class RegisterDto implements RegisterRequest {
  @ApiProperty({ example: 'zhang.san@nju.edu.cn' })
  @Transform(trimLower)
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ minLength: 10, example: 'a-long-passphrase' })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  password!: string;

  @ApiProperty({ example: '张三' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiPropertyOptional({ example: '13812345678' })
  @IsOptional()
  @IsMobileCN()
  mobile?: string;

  @ApiProperty({ enum: [Role.RESEARCHER, Role.ENTERPRISE] })
  @IsIn([Role.RESEARCHER, Role.ENTERPRISE])
  role!: 'RESEARCHER' | 'ENTERPRISE';

  @ApiPropertyOptional({ format: 'uuid', description: 'Researchers: their university or institute' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({ type: EnterpriseRegistrationDto, description: 'Enterprise staff: their enterprise' })
  @IsOptional()
  @ValidateNested()
  @Type(() => EnterpriseRegistrationDto)
  enterprise?: EnterpriseRegistrationDto;
}

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'researcher@xkx.demo' })
  @Transform(trimLower)
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password!: string;
}

export class RefreshDto implements RefreshRequest {
  @ApiProperty()
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  refreshToken!: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) currentPassword!: string;
  @ApiProperty({ minLength: 10 }) @IsString() @MinLength(10) @MaxLength(200) newPassword!: string;
}

export class ForgotPasswordDto implements ForgotPasswordRequest {
  @ApiProperty() @Transform(trimLower) @IsEmail() @MaxLength(254) email!: string;
}

export class ResetPasswordDto implements ResetPasswordRequest {
  @ApiProperty() @IsString() @MinLength(10) @MaxLength(200) token!: string;
  @ApiProperty({ minLength: 10 }) @IsString() @MinLength(10) @MaxLength(200) newPassword!: string;
}

export class UpdateProfileDto implements ProfileUpdate {
  // Absent keeps the name; null is refused (IsOptional would let it through to a NOT NULL column).
  @ApiPropertyOptional() @ValidateIf((o: UpdateProfileDto) => o.name !== undefined) @Transform(trim) @IsString() @MinLength(1) @MaxLength(100) name?: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'null removes the number' }) @IsOptional() @IsMobileCN() mobile?: string | null;
}

export class AuthTokensDto implements AuthTokens {
  @ApiProperty() accessToken!: string;
  @ApiProperty() refreshToken!: string;
  @ApiProperty({ example: 900 }) expiresIn!: number;
}

export class CurrentUserDto implements CurrentUser {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) mobile!: string | null;
  @ApiProperty({ enum: Object.values(Role) }) role!: Role;
  @ApiProperty({ enum: Object.values(UserStatus) }) status!: UserStatus;
  @ApiProperty({ type: UserOrganizationDto, nullable: true }) organization!: UserOrganizationDto | null;
  @ApiProperty({ enum: Object.values(Permission), isArray: true }) permissions!: Permission[];
}

export class SessionDto implements Session {
  @ApiProperty({ type: CurrentUserDto }) user!: CurrentUserDto;
  @ApiProperty({ type: AuthTokensDto }) tokens!: AuthTokensDto;
}

export class AcceptedDto implements Accepted {
  @ApiProperty({ example: true }) accepted!: boolean;
}
