import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class SetupStatusDto {
  @ApiProperty({ description: 'True while no administrator exists: the setup page (with the logged link) may create one.' })
  administratorNeeded!: boolean;
}

export class CreateFirstAdministratorDto {
  @ApiProperty({ description: 'The token from the setup link the server logged at start' })
  @IsString()
  @MaxLength(200)
  token!: string;

  @ApiProperty({ example: 'it@qixia.gov.cn' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty() @IsString() @MinLength(1) @MaxLength(100) name!: string;

  @ApiProperty({ minLength: 10 }) @IsString() @MinLength(10) @MaxLength(200) password!: string;
}

export class FirstAdministratorDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
}
