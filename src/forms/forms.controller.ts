import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../tenancy/access.decorators';
import {
  ChooseEditionRequest,
  ParseFormKeyPipe,
  ParseVersionRefPipe,
  PublishFormRequest,
  revisionFromIfMatch,
  UpgradeFormRequest,
} from './dto/forms.dto';
import { FormsService, VersionRef } from './forms.service';

const LOCALE_QUERY = {
  name: 'locale',
  required: false,
  enum: ['en', 'ur'],
  description: 'Labels and messages; default: Accept-Language, then your profile',
};

@ApiTags('forms')
@ApiBearerAuth()
@Controller('api/forms')
export class FormsController {
  constructor(private readonly forms: FormsService) {}

  @Get()
  @RequirePermission('forms.read')
  @ApiOperation({ summary: "The province's forms with their current version" })
  @ApiQuery(LOCALE_QUERY)
  async list(@Query('locale') locale?: string, @Headers('accept-language') accept?: string) {
    return this.forms.list(await this.forms.resolveLocale(locale, accept));
  }

  @Get('editions')
  @RequirePermission('forms.read')
  @ApiOperation({
    summary: 'Proforma editions (PC-I 2005 and 2024 …) and the one new projects start on in this province',
  })
  @ApiQuery(LOCALE_QUERY)
  async editions(@Query('locale') locale?: string, @Headers('accept-language') accept?: string) {
    return this.forms.editions(await this.forms.resolveLocale(locale, accept));
  }

  @Put('editions/:proforma')
  @RequirePermission('forms.customise')
  @ApiOperation({
    summary: 'Choose the edition new projects of a proforma start on (documents already made keep theirs)',
  })
  chooseEdition(@Param('proforma', ParseFormKeyPipe) proforma: string, @Body() body: ChooseEditionRequest) {
    return this.forms.chooseEdition(proforma, body.formKey);
  }

  @Get(':key/versions')
  @RequirePermission('forms.read')
  @ApiOperation({ summary: 'Version history (newest first)' })
  history(@Param('key', ParseFormKeyPipe) key: string) {
    return this.forms.history(key);
  }

  @Get(':key/versions/:ref')
  @RequirePermission('forms.read')
  @ApiOperation({
    summary: 'A compiled version ("current" or its number): JSON Schema, UI schema, rules, labels in one language',
  })
  @ApiQuery(LOCALE_QUERY)
  async version(
    @Param('key', ParseFormKeyPipe) key: string,
    @Param('ref', ParseVersionRefPipe) ref: VersionRef,
    @Query('locale') locale?: string,
    @Headers('accept-language') accept?: string,
  ) {
    return this.forms.version(key, ref, await this.forms.resolveLocale(locale, accept));
  }

  @Get(':key/diff')
  @RequirePermission('forms.read')
  @ApiOperation({ summary: 'Field-level differences between two versions' })
  @ApiQuery({ name: 'from', example: '1' })
  @ApiQuery({ name: 'to', example: 'current' })
  diff(
    @Param('key', ParseFormKeyPipe) key: string,
    @Query('from', ParseVersionRefPipe) from: VersionRef,
    @Query('to', ParseVersionRefPipe) to: VersionRef,
  ) {
    return this.forms.diff(key, from, to);
  }

  @Post(':key/versions/:ref/validate')
  @HttpCode(200)
  @RequirePermission('forms.read')
  @ApiOperation({
    summary: 'Validate data against a version without saving: errors as JSON pointers, calculated figures recomputed',
  })
  @ApiQuery(LOCALE_QUERY)
  @ApiBody({ description: 'The form data, one object per section', schema: { type: 'object' } })
  async validate(
    @Param('key', ParseFormKeyPipe) key: string,
    @Param('ref', ParseVersionRefPipe) ref: VersionRef,
    @Body() payload: unknown,
    @Query('locale') locale?: string,
    @Headers('accept-language') accept?: string,
  ) {
    return this.forms.validate(key, ref, payload, await this.forms.resolveLocale(locale, accept));
  }

  @Get(':key/overlay')
  @RequirePermission('forms.customise')
  @ApiOperation({ summary: "The province's working overlay on this form (what the next publish compiles)" })
  overlay(@Param('key', ParseFormKeyPipe) key: string) {
    return this.forms.overlay(key);
  }

  @Put(':key/overlay')
  @RequirePermission('forms.customise')
  @ApiOperation({
    summary:
      'Replace the working overlay; refused (400) ' +
      'with reasons if any operation does not apply or loosens a locked field',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The revision you edited; 409 if someone saved since' })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['baseVersion', 'operations'],
      example: { baseVersion: '1.0.0', operations: [{ op: 'require', target: 'location.tehsils' }] },
    },
  })
  saveOverlay(
    @Param('key', ParseFormKeyPipe) key: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.forms.saveOverlay(key, body, revisionFromIfMatch(ifMatch));
  }

  @Post(':key/preview')
  @HttpCode(200)
  @RequirePermission('forms.customise')
  @ApiOperation({ summary: 'Compile an overlay (the body, or the saved one if the body is empty) without publishing' })
  @ApiQuery(LOCALE_QUERY)
  @ApiBody({
    required: false,
    description: 'An overlay to try (same shape as PUT …/overlay); empty: the saved overlay',
    schema: {
      type: 'object',
      properties: { baseVersion: { type: 'string' }, operations: { type: 'array', items: { type: 'object' } } },
      example: { baseVersion: '2.0.0', operations: [{ op: 'require', target: 'location.tehsils' }] },
    },
  })
  async preview(
    @Param('key', ParseFormKeyPipe) key: string,
    @Body() body: unknown,
    @Query('locale') locale?: string,
    @Headers('accept-language') accept?: string,
  ) {
    const empty = body === undefined || (typeof body === 'object' && body !== null && Object.keys(body).length === 0);
    return this.forms.preview(key, empty ? undefined : body, await this.forms.resolveLocale(locale, accept));
  }

  @Post(':key/publish')
  @RequirePermission('forms.customise')
  @ApiOperation({ summary: 'Publish the working overlay as a new immutable version' })
  publish(@Param('key', ParseFormKeyPipe) key: string, @Body() body: PublishFormRequest) {
    return this.forms.publish(key, body.notes);
  }

  @Get(':key/upgrade')
  @RequirePermission('forms.customise')
  @ApiOperation({ summary: 'What re-applying the overlay to a newer base version gives: conflicts and changes' })
  @ApiQuery({ name: 'to', required: false, example: '1.1.0' })
  upgradePreview(@Param('key', ParseFormKeyPipe) key: string, @Query('to') to?: string) {
    return this.forms.upgradePreview(key, to);
  }

  @Post(':key/upgrade')
  @HttpCode(200)
  @RequirePermission('forms.customise')
  @ApiOperation({
    summary:
      'Move the working overlay to a newer base version (409 ' +
      'with conflicts unless dropConflicting); publish separately',
  })
  upgrade(@Param('key', ParseFormKeyPipe) key: string, @Body() body: UpgradeFormRequest) {
    return this.forms.upgrade(key, body.to, body.dropConflicting ?? false);
  }
}
