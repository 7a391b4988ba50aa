import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { AttachmentCategory, AttachmentTarget } from '@xkx/contracts';
import { AuthUser } from '../../common/auth/auth-user';
import { Authenticated, CurrentUser, Public } from '../../common/decorators/public.decorator';
import { DomainException } from '../../common/exceptions/domain.exception';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import { AttachmentsService } from './attachments.service';
import {
  AttachmentDto,
  AttachmentListDto,
  AttachmentTargetQueryDto,
  UploadAttachmentDto,
} from './dto/attachment.dto';

/** Evidence and documents on contracts, payments and listings; access follows the record they belong to. */
@ApiTags('attachments')
@Controller('attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post()
  @Authenticated(null)
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'targetType', 'targetId', 'category'],
      properties: {
        file: { type: 'string', format: 'binary' },
        targetType: { type: 'string', enum: Object.values(AttachmentTarget) },
        targetId: { type: 'string', format: 'uuid' },
        category: { type: 'string', enum: Object.values(AttachmentCategory) },
      },
    },
  })
  @ApiCreatedResponse({ type: AttachmentDto })
  @ApiPayloadTooLargeResponse({ type: ErrorResponseDto, description: 'Larger than ATTACHMENT_MAX_BYTES' })
  @ApiUnsupportedMediaTypeResponse({
    type: ErrorResponseDto,
    description: 'Content is not PDF/PNG/JPEG/WebP (judged by the bytes)',
  })
  upload(
    @Body() dto: UploadAttachmentDto,
    @UploadedFile() file: Express.Multer.File | undefined,
    @CurrentUser() user: AuthUser,
  ): Promise<AttachmentDto> {
    if (!file) throw DomainException.validation([{ field: 'file', constraint: 'isDefined', args: [] }]);
    // Browsers send UTF-8 names; multer reads them as latin1.
    return this.attachments.upload(
      dto,
      { originalName: Buffer.from(file.originalname, 'latin1').toString('utf8'), buffer: file.buffer },
      user,
    );
  }

  @Get()
  @Public()
  @ApiOkResponse({ type: AttachmentListDto })
  async list(
    @Query() query: AttachmentTargetQueryDto,
    @CurrentUser() user?: AuthUser,
  ): Promise<AttachmentListDto> {
    return { items: await this.attachments.list(query, user) };
  }

  @Get(':id/content')
  @Public()
  @ApiProduces('application/pdf', 'image/png', 'image/jpeg', 'image/webp')
  @ApiOkResponse({ description: 'The file, as a download', schema: { type: 'string', format: 'binary' } })
  async content(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() user?: AuthUser,
  ): Promise<StreamableFile> {
    const { attachment, body } = await this.attachments.content(id, user);
    const ascii = attachment.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
    return new StreamableFile(body, {
      type: attachment.contentType,
      length: body.length,
      disposition: `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`,
    });
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Authenticated(null)
  @ApiNoContentResponse()
  async remove(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<void> {
    await this.attachments.remove(id, user);
  }
}
