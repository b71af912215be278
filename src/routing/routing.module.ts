import { Module } from '@nestjs/common';
import { ForumRulesController } from './forum-rules.controller';
import { ForumRulesService } from './forum-rules.service';

@Module({ controllers: [ForumRulesController], providers: [ForumRulesService], exports: [ForumRulesService] })
export class RoutingModule {}
