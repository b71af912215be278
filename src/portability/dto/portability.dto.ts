import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';
import { SLUG_PATTERN, SLUG_RULE } from '../../tenancy/slug';

export class StartExportRequest {
  @ApiProperty({ example: 'gb', description: 'The province to export' })
  @IsString()
  @Matches(SLUG_PATTERN, { message: SLUG_RULE })
  slug: string;
}

/** The multipart fields beside `file`. */
export class StartImportFields {
  @ApiPropertyOptional({ example: 'gb-moved', description: "Import under this slug instead of the archive's own" })
  @IsOptional()
  @IsString()
  @Matches(SLUG_PATTERN, { message: SLUG_RULE })
  slug?: string;
}

export class JobStartedResponse {
  @ApiProperty({ example: 'portability-3f0c…', description: 'Poll GET /api/platform/portability/jobs/{jobId}' })
  jobId: string;
}

export class JobProgressResponse {
  @ApiProperty({ enum: ['unpacking', 'tables', 'verifying', 'files', 'packing'] }) stage: string;
  @ApiProperty() done: number;
  @ApiProperty() total: number;
}

export class PortabilityJobResponse {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['export', 'import'] }) kind: string;
  @ApiProperty({ enum: ['queued', 'running', 'completed', 'failed'] }) state: string;
  @ApiProperty({ type: JobProgressResponse, nullable: true }) progress: JobProgressResponse | null;
  @ApiProperty({
    type: Object,
    nullable: true,
    description: 'Once completed: slug, schema version, tables, rows, files (and bytes for an export)',
  })
  result: object | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Table projects: checksum 1f… does not match the manifest’s 9a…',
    description: 'Why the job failed: a wrong checksum names its table or file; a newer schema says so',
  })
  failedReason: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'A completed export: where to download the archive' })
  download: string | null;
}
