import {
  Body,
  Controller,
  ForbiddenException,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ParseUuidPipe } from '../common/uuid-pipe';
import type { Response } from 'express';
import { contentDisposition } from '../printing/content-disposition';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ClsService } from 'nestjs-cls';
import { UsersService } from '../users/users.service';
import { CurrentPrincipal, RequirePermission } from '../tenancy/access.decorators';
import { DaftarStore, Principal } from '../tenancy/tenant-context';
import { AddTraineesRequest, ResetSandboxRequest, SignInSheetQuery } from './dto';
import { TrainingService } from './training.service';

/** The trainer's side, on the live province's host (its administrators). */
@ApiTags('training')
@ApiBearerAuth()
@RequirePermission('settings.manage')
@Controller('api/training/sandbox')
export class TrainingController {
  constructor(
    private readonly training: TrainingService,
    private readonly users: UsersService,
    private readonly cls: ClsService<DaftarStore>,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: "Create this province's training sandbox (built in the background); you are its administrator",
  })
  @ApiAcceptedResponse({ description: 'Queued: watch GET /api/training/sandbox' })
  async create(@CurrentPrincipal() principal: Principal) {
    const live = this.liveSlug();
    const me = principal.kind === 'user' ? await this.users.findForSignIn(principal.email) : null;
    if (!me?.passwordHash)
      throw new ForbiddenException('Only a province administrator with a password creates a sandbox');
    const { sandbox, run } = await this.training.create(
      live,
      { email: me.email, name: me.name, passwordHash: me.passwordHash },
      'trainer',
      me.email,
    );
    return { sandbox, runId: run.id };
  }

  @Get()
  @ApiOperation({ summary: 'The sandbox: status, host, expiry, figures, last reset and recent builds' })
  view() {
    return this.training.view(this.liveSlug());
  }

  @Get('runs/:id')
  @ApiOperation({ summary: 'One build (creation or reset) with its progress' })
  run(@Param('id', new ParseUuidPipe()) id: string) {
    return this.training.run(this.liveSlug(), id);
  }

  @Post('reset')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Reset the sandbox to its initial state (scenario set anew), trainees kept unless keepTrainees=false',
  })
  async reset(@Body() body: ResetSandboxRequest, @CurrentPrincipal() principal: Principal) {
    const run = await this.training.reset(this.liveSlug(), body.keepTrainees ?? true, 'trainer', principal.email);
    return { runId: run.id, status: run.status };
  }

  @Post('extend')
  @HttpCode(200)
  @ApiOperation({ summary: 'Keep the sandbox open SANDBOX_DAYS longer' })
  extend() {
    return this.training.extend(this.liveSlug());
  }

  @Post('trainees')
  @ApiOperation({
    summary:
      'Create trainees from a CSV (name,email,role,department); answers their one-time passwords, ' +
      'or with sheet=en|ur the sign-in sheet as a PDF',
  })
  @ApiProduces('application/json', 'application/pdf')
  async addTrainees(
    @Body() body: AddTraineesRequest,
    @Query() query: SignInSheetQuery,
    @Res({ passthrough: true }) res: Response,
  ) {
    const live = this.liveSlug();
    const created = await this.training.addTrainees(live, body.csv);
    if (!query.sheet) return created;
    const pdf = await this.training.signInSheetPdf(live, query.sheet, created);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', contentDisposition(`sign-in sheet ${live}-training (${query.sheet}).pdf`));
    return new StreamableFile(pdf);
  }

  @Get('trainees')
  @ApiOperation({ summary: "Each trainee's exercises, done or not, checked from the sandbox's audit log" })
  progress() {
    return this.training.progress(this.liveSlug());
  }

  /** The trainer works from the live province; a sandbox has no sandbox. */
  private liveSlug(): string {
    const tenant = this.cls.get('tenant');
    if (!tenant || tenant.sandboxOf) throw new ForbiddenException('Training is managed from the live province’s host');
    return tenant.slug;
  }
}
