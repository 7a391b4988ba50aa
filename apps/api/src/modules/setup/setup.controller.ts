import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/decorators/public.decorator';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import { Meta, RequestMeta } from '../../common/http/request-meta';
import { CreateFirstAdministratorDto, FirstAdministratorDto, SetupStatusDto } from './dto/setup.dto';
import { SetupService } from './setup.service';

@ApiTags('setup')
@Controller('setup')
export class SetupController {
  constructor(private readonly setup: SetupService) {}

  @Public()
  @Get()
  @ApiOkResponse({ type: SetupStatusDto })
  async status(): Promise<SetupStatusDto> {
    return { administratorNeeded: await this.setup.administratorNeeded() };
  }

  /** The first administrator, with the token of the link the server logged; refused once one exists. */
  @Public()
  @Post('administrator')
  @ApiCreatedResponse({ type: FirstAdministratorDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'SETUP_LINK_INVALID, or field errors' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'SETUP_NOT_NEEDED: an administrator exists' })
  createFirst(@Body() dto: CreateFirstAdministratorDto, @Meta() meta: RequestMeta): Promise<FirstAdministratorDto> {
    return this.setup.createFirst(dto, meta);
  }
}
