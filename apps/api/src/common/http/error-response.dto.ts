import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ErrorBody, ErrorCode, FieldError } from '@xkx/contracts';

export class FieldErrorDto implements FieldError {
  @ApiProperty({ example: 'email' }) field!: string;
  @ApiProperty({ example: '必须是有效的电子邮箱' }) message!: string;
}

/** The one error body of the API. */
export class ErrorResponseDto implements ErrorBody {
  @ApiProperty({ example: 400 }) statusCode!: number;
  @ApiProperty({ enum: Object.values(ErrorCode), example: ErrorCode.VALIDATION_FAILED }) code!: ErrorCode;
  @ApiProperty({ example: '提交的数据有误，请检查标出的字段' }) message!: string;
  @ApiPropertyOptional({ type: [FieldErrorDto] }) errors?: FieldErrorDto[];
  @ApiPropertyOptional({ example: '3f2b6c1e-8d4a-4c0e-9b1a-2f5e7d9c0a12', description: 'On a 5xx only: the request id (also the X-Request-Id header) the server logged the failure under' })
  requestId?: string;
}
