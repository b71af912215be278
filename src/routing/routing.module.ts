import { Module } from '@nestjs/common';
import { MasterDataModule } from '../master-data/master-data.module';
import { ForumRulesController } from './forum-rules.controller';
import { ForumRulesRepository } from './forum-rules.repository';
import { ForumRulesService } from './forum-rules.service';

@Module({
  // A rule names one of the province's approval forums (MasterDataService.has).
  imports: [MasterDataModule],
  controllers: [ForumRulesController],
  providers: [ForumRulesService, ForumRulesRepository],
  exports: [ForumRulesService],
})
export class RoutingModule {}
