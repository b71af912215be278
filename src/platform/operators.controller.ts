import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ParseUuidPipe } from '../common/uuid-pipe';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, RequirePermission } from '../tenancy/access.decorators';
import { PLATFORM_PERMISSION } from '../tenancy/permissions';
import { PlatformHost } from '../tenancy/host-scope';
import { Principal } from '../tenancy/tenant-context';
import { CreateOperatorRequest, OperatorGuardRefusal, OperatorResponse } from './dto/operator.dto';
import { OperatorRow } from './operators.repository';
import { OperatorsService } from './operators.service';

/** A malformed id names its field like every other 400. */
const UUID = new ParseUuidPipe('an operator id');

@ApiTags('platform')
@ApiBearerAuth()
@PlatformHost()
@RequirePermission(PLATFORM_PERMISSION)
@Controller('api/platform/operators')
export class OperatorsController {
  constructor(private readonly operators: OperatorsService) {}

  @Get()
  @ApiOperation({ summary: 'Every operator, active or disabled' })
  @ApiOkResponse({ type: [OperatorResponse] })
  list(): Promise<OperatorRow[]> {
    return this.operators.list();
  }

  @Post()
  @ApiOperation({ summary: 'Add an operator, who can sign in at once with the password given' })
  @ApiCreatedResponse({ type: OperatorResponse })
  @ApiBadRequestResponse({ description: 'A field is missing or invalid, or the password too weak (named in `fields`)' })
  @ApiConflictResponse({ description: 'An operator with this email exists' })
  create(@Body() body: CreateOperatorRequest): Promise<OperatorRow> {
    return this.operators.create(body);
  }

  @Post(':id/disable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Disable an operator: their sessions end and their access token stops working at once' })
  @ApiOkResponse({ type: OperatorResponse })
  @ApiNotFoundResponse({ description: 'No such operator' })
  @ApiConflictResponse({
    type: OperatorGuardRefusal,
    description: 'Your own account, or the last active operator (see `reason`)',
  })
  disable(@Param('id', UUID) id: string, @CurrentPrincipal() principal: Principal): Promise<OperatorRow> {
    return this.operators.setEnabled(id, false, principal.id);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Enable a disabled operator again' })
  @ApiOkResponse({ type: OperatorResponse })
  @ApiNotFoundResponse({ description: 'No such operator' })
  enable(@Param('id', UUID) id: string, @CurrentPrincipal() principal: Principal): Promise<OperatorRow> {
    return this.operators.setEnabled(id, true, principal.id);
  }
}
