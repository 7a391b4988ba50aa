import { Body, Controller, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Permission } from '@xkx/contracts';
import { AuthUser } from '../../common/auth/auth-user';
import { Authenticated, CurrentUser } from '../../common/decorators/public.decorator';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import { UpdateOutcomeDto } from './dto/listing-actions.dto';
import { NeedResponseDto } from './dto/listing-response.dto';
import { CreateNeedDto, UpdateNeedDto } from './dto/need-write.dto';
import { ListingControllerBase } from './listing-controller.factory';
import { ListingFacade, ListingResponse } from './listing-facade.service';

@ApiTags('needs')
@Controller('needs')
export class NeedsController extends ListingControllerBase('NEED', Permission.NEED_WRITE, NeedResponseDto) {
  constructor(facade: ListingFacade) {
    super(facade);
  }

  @Post()
  @Authenticated(Permission.NEED_WRITE)
  @ApiCreatedResponse({ type: NeedResponseDto, description: 'A draft; submit it for review to publish' })
  create(@Body() dto: CreateNeedDto, @CurrentUser() user: AuthUser): Promise<ListingResponse> {
    return this.facade.create('NEED', dto, user);
  }

  @Patch(':id')
  @Authenticated(Permission.NEED_WRITE)
  @ApiOkResponse({ type: UpdateOutcomeDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Stale version (with currentVersion) or not editable now' })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateNeedDto, @CurrentUser() user: AuthUser): Promise<UpdateOutcomeDto> {
    return this.facade.update('NEED', id, dto, user);
  }
}
