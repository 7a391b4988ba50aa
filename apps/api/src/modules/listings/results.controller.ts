import { Body, Controller, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Permission } from '@xkx/contracts';
import { AuthUser } from '../../common/auth/auth-user';
import { Authenticated, CurrentUser } from '../../common/decorators/public.decorator';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import { UpdateOutcomeDto } from './dto/listing-actions.dto';
import { ResultResponseDto } from './dto/listing-response.dto';
import { CreateResultDto, UpdateResultDto } from './dto/result-write.dto';
import { ListingControllerBase } from './listing-controller.factory';
import { ListingFacade, ListingResponse } from './listing-facade.service';

@ApiTags('results')
@Controller('results')
export class ResultsController extends ListingControllerBase('RESULT', Permission.RESULT_WRITE, ResultResponseDto) {
  constructor(facade: ListingFacade) {
    super(facade);
  }

  @Post()
  @Authenticated(Permission.RESULT_WRITE)
  @ApiCreatedResponse({ type: ResultResponseDto, description: 'A draft; submit it for review to publish' })
  create(@Body() dto: CreateResultDto, @CurrentUser() user: AuthUser): Promise<ListingResponse> {
    return this.facade.create('RESULT', dto, user);
  }

  @Patch(':id')
  @Authenticated(Permission.RESULT_WRITE)
  @ApiOkResponse({ type: UpdateOutcomeDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Stale version (with currentVersion) or not editable now' })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateResultDto, @CurrentUser() user: AuthUser): Promise<UpdateOutcomeDto> {
    return this.facade.update('RESULT', id, dto, user);
  }
}
