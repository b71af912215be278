import { BadRequestException, Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ParseUuidPipe } from '../common/uuid-pipe';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../tenancy/access.decorators';
import { Calendar, isCalendarDate } from '../common/calendar';
import { CreateForumRuleRequest, EndForumRuleRequest } from './dto';
import { ForumRulesService } from './forum-rules.service';

@ApiTags('forum-rules')
@ApiBearerAuth()
@Controller('api/forum-rules')
export class ForumRulesController {
  constructor(
    private readonly rules: ForumRulesService,
    private readonly calendar: Calendar,
  ) {}

  @Get()
  @RequirePermission('projects.read')
  @ApiOperation({ summary: "The province's dated forum rules (cost bands, special rules, federal forums)" })
  list() {
    return this.rules.list();
  }

  @Get('route')
  @RequirePermission('projects.read')
  @ApiOperation({
    summary: 'Which forum decides a project of this cost on this date, and by which rule',
    description:
      'Answers { input, forum, rule, reason, warnings }. With no provincial cost band in ' +
      'force on the date nothing is routed: rule and forum are null, ' +
      'reason says why and warnings holds { code: "no-provincial-rules", message, messageUr }.',
  })
  @ApiQuery({ name: 'cost', example: '850', description: 'Rs million' })
  @ApiQuery({ name: 'form', required: false, enum: ['pc1', 'pc1-revised', 'pc2'] })
  @ApiQuery({ name: 'on', required: false, example: '2026-11-28' })
  @ApiQuery({ name: 'foreign', required: false, type: Boolean })
  @ApiQuery({
    name: 'provincial',
    required: false,
    type: Boolean,
    description: 'wholly financed by the province (default false)',
  })
  @ApiQuery({ name: 'increasePct', required: false, description: 'revised PC-I: cost increase in %' })
  route(
    @Query('cost') cost: string,
    @Query('form') form = 'pc1',
    @Query('on') on?: string,
    @Query('foreign') foreign?: string,
    @Query('provincial') provincial?: string,
    @Query('increasePct') increasePct?: string,
  ) {
    const problems: string[] = [];
    if (!/^\d{1,15}(\.\d{1,3})?$/.test(cost ?? '')) problems.push('cost must be an amount in Rs million such as 850');
    if (!['pc1', 'pc1-revised', 'pc2'].includes(form)) problems.push('form must be pc1, pc1-revised or pc2');
    if (on !== undefined && !isCalendarDate(on)) problems.push('on must be a real date (YYYY-MM-DD)');
    if (increasePct !== undefined && !/^-?\d{1,6}(\.\d{1,3})?$/.test(increasePct))
      problems.push('increasePct must be a percentage');
    if (problems.length) throw new BadRequestException({ message: problems });
    return this.rules.preview({
      formKind: form,
      totalCost: cost,
      on: on ?? this.calendar.today(),
      foreignFunding: foreign === 'true',
      whollyProvincial: provincial === 'true',
      increasePct: increasePct ?? null,
    });
  }

  @Post()
  @RequirePermission('settings.manage')
  @ApiOperation({ summary: 'Add a dated rule (province administrators)' })
  add(@Body() body: CreateForumRuleRequest) {
    return this.rules.add(body);
  }

  @Post(':id/end')
  @RequirePermission('settings.manage')
  @ApiOperation({ summary: 'End a rule on a date (rules are never deleted: past decisions name them)' })
  end(@Param('id', new ParseUuidPipe('a forum rule id')) id: string, @Body() body: EndForumRuleRequest) {
    return this.rules.end(id, body.effectiveTo);
  }
}
