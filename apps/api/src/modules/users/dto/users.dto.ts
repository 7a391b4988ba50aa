import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BulkVerifyInput, CreateUserRequest, InviteUserRequest, OrganizationKind, Role, UserList, UserListQuery, UserRejection, UserRoleChange, UserStatus, UserOrganization, UserStatusChange, UserSummary, VerificationDecision } from '@xkx/contracts';
import { Transform } from 'class-transformer';
import { IsEmail, IsEnum, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { BulkItemDto, BulkItems } from '../../../common/bulk/bulk.dto';
import { PageQueryDto } from '../../../common/http/page-query.dto';
import { IsMobileCN } from '../../../common/validation/validators';
import { UserEntity } from '../user.entity';

export class ListUsersQueryDto extends PageQueryDto implements UserListQuery {
  @ApiPropertyOptional({ description: 'Name or email contains' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional({ enum: Object.values(Role) }) @IsOptional() @IsEnum(Role) role?: Role;
  @ApiPropertyOptional({ enum: Object.values(UserStatus) }) @IsOptional() @IsEnum(UserStatus) status?: UserStatus;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() organizationId?: string;
}

export class CreateUserDto implements CreateUserRequest {
  @ApiProperty() @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value)) @IsEmail() @MaxLength(254) email!: string;
  @ApiProperty({ minLength: 10 }) @IsString() @MinLength(10) @MaxLength(200) password!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(100) name!: string;
  @ApiPropertyOptional() @IsOptional() @IsMobileCN() mobile?: string;
  @ApiProperty({ enum: Object.values(Role) }) @IsEnum(Role) role!: Role;
  @ApiProperty({ format: 'uuid' }) @IsUUID() organizationId!: string;
}

/** An account an admin opens by e-mail: the invitee chooses the password through the mailed link. */
export class InviteUserDto implements InviteUserRequest {
  @ApiProperty() @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value)) @IsEmail() @MaxLength(254) email!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(100) name!: string;
  @ApiPropertyOptional() @IsOptional() @IsMobileCN() mobile?: string;
  @ApiProperty({ enum: Object.values(Role), example: Role.BROKER }) @IsEnum(Role) role!: Role;
  @ApiProperty({ format: 'uuid', description: 'Their organization, e.g. a tech-transfer center (kind AGENCY) just created' }) @IsUUID() organizationId!: string;
}

export class ChangeStatusDto implements UserStatusChange {
  @ApiProperty({ enum: [UserStatus.ACTIVE, UserStatus.SUSPENDED] }) @IsIn([UserStatus.ACTIVE, UserStatus.SUSPENDED]) status!: 'ACTIVE' | 'SUSPENDED';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

export class ChangeRoleDto implements UserRoleChange {
  @ApiProperty({ enum: Object.values(Role) }) @IsEnum(Role) role!: Role;
}

export class RejectUserDto implements UserRejection {
  @ApiProperty({ example: '所填单位与邮箱不符' }) @IsString() @MinLength(2) @MaxLength(500) reason!: string;
}

/** Several pending accounts decided at once; the reason (required to refuse) goes to each of them. */
export class BulkVerifyDto implements BulkVerifyInput {
  @ApiProperty({ enum: Object.values(VerificationDecision) }) @IsEnum(VerificationDecision) decision!: VerificationDecision;
  @ApiPropertyOptional({ example: '所填单位与邮箱不符', description: 'Required (2+ characters) to refuse' }) @IsOptional() @IsString() @MaxLength(500) reason?: string;
  @BulkItems() items!: BulkItemDto[];
}

export class UserOrganizationDto implements UserOrganization {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() nameZh!: string;
  @ApiProperty({ enum: Object.values(OrganizationKind) }) kind!: OrganizationKind;
}

export class UserResponseDto implements UserSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) mobile!: string | null;
  @ApiProperty({ enum: Object.values(Role) }) role!: Role;
  @ApiProperty({ enum: Object.values(UserStatus) }) status!: UserStatus;
  @ApiProperty({ type: UserOrganizationDto, nullable: true }) organization!: UserOrganizationDto | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) lastLoginAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) verifiedAt!: string | null;

  static from(u: UserEntity): UserResponseDto {
    return Object.assign(new UserResponseDto(), {
      id: u.id,
      email: u.email,
      name: u.name,
      mobile: u.mobile,
      role: u.role,
      status: u.status,
      organization: u.organization ? { id: u.organization.id, nameZh: u.organization.nameZh, kind: u.organization.kind } : null,
      createdAt: u.createdAt.toISOString(),
      lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
      verifiedAt: u.verifiedAt?.toISOString() ?? null,
    });
  }
}

export class UserListResponseDto implements UserList {
  @ApiProperty({ type: [UserResponseDto] }) items!: UserResponseDto[];
  @ApiProperty() total!: number;
}
