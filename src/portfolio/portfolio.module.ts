import { Module } from '@nestjs/common';
import { PortfolioSharingController } from './portfolio-sharing.controller';
import { PortfolioSharingRepository } from './portfolio-sharing.repository';
import { PortfolioSharingService } from './portfolio-sharing.service';

/**
 * The province's side of the host's portfolio view (issue 17): its admin's opt-in. The figures
 * themselves are computed by the platform (src/platform/portfolio*.ts) from the projects module.
 */
@Module({
  controllers: [PortfolioSharingController],
  providers: [PortfolioSharingService, PortfolioSharingRepository],
  exports: [PortfolioSharingService],
})
export class PortfolioModule {}
