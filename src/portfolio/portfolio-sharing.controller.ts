import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../tenancy/access.decorators';
import { PortfolioSharingRequest, PortfolioSharingView } from './dto';
import { PortfolioSharingService } from './portfolio-sharing.service';

@ApiTags('portfolio')
@ApiBearerAuth()
@Controller('api/portfolio/sharing')
export class PortfolioSharingController {
  constructor(private readonly sharing: PortfolioSharingService) {}

  @Get()
  @RequirePermission('settings.manage')
  @ApiOperation({ summary: "Whether this province's aggregate figures are shown to the host (province admins)" })
  @ApiOkResponse({ type: PortfolioSharingView })
  get() {
    return this.sharing.get();
  }

  @Put()
  @RequirePermission('settings.manage')
  @ApiOperation({
    summary:
      "Show or hide this province's aggregate figures to the host (audited). Only counts and sums leave the province",
  })
  @ApiOkResponse({ type: PortfolioSharingView })
  set(@Body() body: PortfolioSharingRequest) {
    return this.sharing.set(body.shared);
  }
}
