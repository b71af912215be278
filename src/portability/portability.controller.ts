import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { contentDisposition } from '../common/content-disposition';
import { RequirePermission } from '../tenancy/access.decorators';
import { PlatformHost } from '../tenancy/host-scope';
import { PLATFORM_PERMISSION } from '../tenancy/permissions';
import {
  JobStartedResponse,
  PortabilityJobResponse,
  StartExportRequest,
  StartImportFields,
} from './dto/portability.dto';
import { PortabilityJobs, PortabilityJobView } from './portability-jobs.service';

@ApiTags('platform')
@ApiBearerAuth()
@PlatformHost()
@RequirePermission(PLATFORM_PERMISSION)
@Controller('api/platform/portability')
export class PortabilityController {
  constructor(private readonly jobs: PortabilityJobs) {}

  @Post('exports')
  @HttpCode(202)
  @ApiOperation({
    summary: "Export a province's archive (rows, files, manifest with checksums) in the background",
    description: 'Poll the job; once completed, download the .tar.gz from its `download` link.',
  })
  @ApiAcceptedResponse({ type: JobStartedResponse })
  @ApiNotFoundResponse({ description: 'No such province' })
  @ApiConflictResponse({ description: 'The province has no data yet (provisioning or failed)' })
  startExport(@Body() body: StartExportRequest): Promise<{ jobId: string }> {
    return this.jobs.startExport(body.slug);
  }

  @Post('imports')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Import a province archive (multipart: `file`, optional `slug`) as a new province, in the background',
    description:
      'All or nothing: an archive from a newer schema, with a wrong checksum or a taken slug fails the job ' +
      'with the reason in `failedReason`, and nothing is written. PORTABILITY_UPLOAD_MAX_MB caps the upload.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' }, slug: { type: 'string', example: 'gb-moved' } },
    },
  })
  @ApiAcceptedResponse({ type: JobStartedResponse })
  @ApiBadRequestResponse({ description: '`file` is missing or `slug` is not a valid slug' })
  @ApiPayloadTooLargeResponse({ description: 'Larger than PORTABILITY_UPLOAD_MAX_MB' })
  @UseInterceptors(FileInterceptor('file'))
  startImport(
    @UploadedFile() file: { path?: string } | undefined,
    @Body() fields: StartImportFields,
  ): Promise<{ jobId: string }> {
    if (!file?.path)
      throw new BadRequestException({ message: ['file is required (multipart field "file", a .tar.gz archive)'] });
    return this.jobs.startImport(file.path, fields.slug);
  }

  @Get('jobs/:id')
  @ApiOperation({ summary: 'An export or import job: state, progress, result or the reason it failed' })
  @ApiOkResponse({ type: PortabilityJobResponse })
  @ApiNotFoundResponse({ description: 'No such job (or it is older than a week)' })
  job(@Param('id') id: string): Promise<PortabilityJobView> {
    return this.jobs.view(id);
  }

  @Get('exports/:id/download')
  @ApiOperation({ summary: "A completed export's archive (.tar.gz)" })
  @ApiProduces('application/gzip')
  @ApiNotFoundResponse({ description: 'No such export, or its archive is past PORTABILITY_RETENTION_HOURS' })
  @ApiConflictResponse({ description: 'The export has not completed' })
  async download(@Param('id') id: string, @Res() res: Response): Promise<void> {
    const archive = await this.jobs.archiveOf(id);
    res.setHeader('Content-Type', 'application/gzip');
    res.setHeader('Content-Disposition', contentDisposition(archive.fileName));
    res.setHeader('Cache-Control', 'no-store');
    // The path is ours (PORTABILITY_DIR), never the client's; its default, .data/portability, has a
    // dot-folder that Express's sendFile would otherwise refuse with a 404.
    res.sendFile(archive.file, { dotfiles: 'allow' });
  }
}
