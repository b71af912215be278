import { BadRequestException, Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../tenancy/access.decorators';
import { DEFAULT_WORKFLOW } from './workflow-config';
import { WorkflowService } from './workflow.service';

/** Versions are numbered from 1; the bound keeps the number within Postgres' integer. */
const VERSION_PARAM = /^[1-9][0-9]{0,8}$/;

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

  @Get('versions')
  @RequirePermission('settings.manage')
  @ApiOperation({ summary: "The workflow's history, newest first: version, when, who, notes, and which is in force" })
  versions() {
    return this.workflow.versions();
  }

  @Get('versions/:version')
  @RequirePermission('settings.manage')
  @ApiOperation({ summary: 'One version of the workflow with its configuration' })
  @ApiParam({ name: 'version', example: 1 })
  version(@Param('version') version: string) {
    if (!VERSION_PARAM.test(version)) {
      throw new BadRequestException({ message: ['version must be a whole number of 1 or more'] });
    }
    return this.workflow.version(Number(version));
  }

  @Put()
  @RequirePermission('settings.manage')
  @ApiOperation({
    summary: 'Replace the workflow (province administrators); refused with reasons if unsound',
    description:
      'The body is the configuration, optionally with notes (why, kept in the history) and baseVersion ' +
      '(the version it was edited from: 409 if another version was saved since). A 400 lists the reasons ' +
      'in message and, for editors, in problems ({ code, message, state?, action?, role? }).',
  })
  @ApiBody({
    schema: { type: 'object', example: { ...DEFAULT_WORKFLOW, notes: 'Approvers may also return', baseVersion: 1 } },
  })
  update(@Body() body: unknown) {
    return this.workflow.update(body);
  }
}
