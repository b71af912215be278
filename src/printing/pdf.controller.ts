import { Body, Controller, Get, Headers, Param, Post, Query, Res } from '@nestjs/common';
import { ParseUuidPipe } from '../common/uuid-pipe';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { RequirePermission } from '../tenancy/access.decorators';
import { ParseFormKeyPipe, ParseVersionRefPipe } from '../forms/dto/forms.dto';
import { FormsService, VersionRef } from '../forms/forms.service';
import { contentDisposition } from './content-disposition';
import { BlankPdfRequest, DocumentPdfQuery, DocumentPdfRequest } from './dto';
import { PdfFile, PdfOutcome, PdfService } from './pdf.service';

const UUID = new ParseUuidPipe();
const PDF_RESPONSE = {
  description: 'The PDF (Content-Disposition names it after the project, RFC 6266 filename* in UTF-8)',
  content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
};
const JOB_RESPONSE = {
  description: 'Not rendered yet: {jobId, status, poll, file}; poll until status is done, then GET file',
};

function sendFile(res: Response, file: PdfFile): void {
  res.status(200);
  res.setHeader('Content-Type', 'application/pdf');
  res.setHeader('Content-Disposition', contentDisposition(file.fileName));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Digest', `sha-256=${Buffer.from(file.sha256, 'hex').toString('base64')}`);
  res.send(file.bytes);
}

function reply(res: Response, outcome: PdfOutcome): void {
  if ('file' in outcome) return sendFile(res, outcome.file);
  res.status(202).location(outcome.job.poll).json(outcome.job);
}

@ApiTags('printing')
@ApiBearerAuth()
@Controller('api/documents/:id/pdf')
export class DocumentPdfController {
  constructor(
    private readonly pdf: PdfService,
    private readonly forms: FormsService,
  ) {}

  @Post()
  @RequirePermission('projects.read')
  @ApiOperation({
    summary:
      'The official-layout PDF of a document revision: ' +
      '200 with the file when it exists, else 202 with a render job to poll',
  })
  @ApiProduces('application/pdf', 'application/json')
  @ApiOkResponse(PDF_RESPONSE)
  @ApiAcceptedResponse(JOB_RESPONSE)
  @ApiBadRequestResponse({ description: 'revision or locale is invalid (the message names it)' })
  @ApiNotFoundResponse({ description: 'No such document in this province' })
  async request(
    @Param('id', UUID) id: string,
    @Body() body: DocumentPdfRequest,
    @Res() res: Response,
    @Headers('accept-language') accept?: string,
  ) {
    reply(res, await this.pdf.requestDocument(id, body.revision, await this.forms.resolveLocale(body.locale, accept)));
  }

  @Get()
  @RequirePermission('projects.read')
  @ApiOperation({
    summary: 'Download a rendered PDF of a document revision (404 with the reason when it is not rendered yet)',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse(PDF_RESPONSE)
  async file(
    @Param('id', UUID) id: string,
    @Query() query: DocumentPdfQuery,
    @Res() res: Response,
    @Headers('accept-language') accept?: string,
  ) {
    sendFile(
      res,
      await this.pdf.documentFile(id, query.revision, await this.forms.resolveLocale(query.locale, accept)),
    );
  }

  @Get('jobs/:jobId')
  @RequirePermission('projects.read')
  @ApiOperation({
    summary: 'A render job: status queued, rendering, retrying, done (with the file URL) or failed (with the reason)',
  })
  job(@Param('id', UUID) id: string, @Param('jobId') jobId: string) {
    return this.pdf.documentJob(id, jobId);
  }
}

@ApiTags('printing')
@ApiBearerAuth()
@Controller('api/forms/:key/versions/:ref/pdf')
export class BlankPdfController {
  constructor(
    private readonly pdf: PdfService,
    private readonly forms: FormsService,
  ) {}

  @Post()
  @RequirePermission('forms.read')
  @ApiOperation({
    summary:
      'The blank proforma of a published version ("current" or its number): ' +
      '200 with the file, or 202 with a render job',
  })
  @ApiProduces('application/pdf', 'application/json')
  @ApiOkResponse(PDF_RESPONSE)
  @ApiAcceptedResponse(JOB_RESPONSE)
  async request(
    @Param('key', ParseFormKeyPipe) key: string,
    @Param('ref', ParseVersionRefPipe) ref: VersionRef,
    @Body() body: BlankPdfRequest,
    @Res() res: Response,
    @Headers('accept-language') accept?: string,
  ) {
    reply(res, await this.pdf.requestBlank(key, ref, await this.forms.resolveLocale(body.locale, accept)));
  }

  @Get()
  @RequirePermission('forms.read')
  @ApiOperation({ summary: 'Download a rendered blank proforma (404 with the reason when it is not rendered yet)' })
  @ApiProduces('application/pdf')
  @ApiOkResponse(PDF_RESPONSE)
  async file(
    @Param('key', ParseFormKeyPipe) key: string,
    @Param('ref', ParseVersionRefPipe) ref: VersionRef,
    @Query() query: BlankPdfRequest,
    @Res() res: Response,
    @Headers('accept-language') accept?: string,
  ) {
    sendFile(res, await this.pdf.blankFile(key, ref, await this.forms.resolveLocale(query.locale, accept)));
  }

  @Get('jobs/:jobId')
  @RequirePermission('forms.read')
  @ApiOperation({ summary: 'A blank proforma render job' })
  job(
    @Param('key', ParseFormKeyPipe) key: string,
    @Param('ref', ParseVersionRefPipe) ref: VersionRef,
    @Param('jobId') jobId: string,
  ) {
    return this.pdf.blankJob(key, ref, jobId);
  }
}
