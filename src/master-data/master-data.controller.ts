import { Body, Controller, Get, Param, ParseBoolPipe, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../tenancy/access.decorators';
import { UpsertMasterDataItemRequest } from './dto/master-data.dto';
import { MasterDataService } from './master-data.service';
import { MASTER_DATA_LISTS } from './master-data-seed';

@ApiTags('master-data')
@ApiBearerAuth()
@Controller('api/master-data')
export class MasterDataController {
  constructor(private readonly masterData: MasterDataService) {}

  @Get()
  @RequirePermission('forms.read')
  @ApiOperation({ summary: 'The master-data lists a province keeps' })
  lists() {
    return { lists: MASTER_DATA_LISTS };
  }

  @Get(':list')
  @RequirePermission('forms.read')
  @ApiOperation({
    summary: "One list's items (districts, tehsils, sectors, sub-sectors, funding-sources, approval-forums)",
  })
  @ApiQuery({ name: 'includeInactive', required: false, type: Boolean })
  list(
    @Param('list') list: string,
    @Query('includeInactive', new ParseBoolPipe({ optional: true })) includeInactive?: boolean,
  ) {
    return this.masterData.list(list, includeInactive ?? false);
  }

  @Put(':list/:code')
  @RequirePermission('master-data.manage')
  @ApiOperation({ summary: 'Add or change an item (province administrators); forms pick it up when next published' })
  upsert(@Param('list') list: string, @Param('code') code: string, @Body() body: UpsertMasterDataItemRequest) {
    return this.masterData.upsert(list, code, body);
  }
}
