import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../auth/auth.decorators';
import { DEFAULT_WORKFLOW } from './workflow-config';
import { WorkflowService } from './workflow.service';

@ApiTags('workflow')
@ApiBearerAuth()
@Controller('api/workflow')
export class WorkflowController {
  constructor(private readonly workflow: WorkflowService) {}

  @Get()
  @RequirePermission('projects.read')
  @ApiOperation({ summary: "The province's workflow: states, actions, who may take them (current version)" })
  get() {
    return this.workflow.get();
  }

  @Put()
  @RequirePermission('settings.manage')
  @ApiOperation({ summary: 'Replace the workflow (province administrators); refused with reasons if unsound' })
  @ApiBody({ schema: { type: 'object', example: DEFAULT_WORKFLOW } })
  update(@Body() body: unknown) {
    return this.workflow.update(body, undefined);
  }
}
