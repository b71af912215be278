import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Public } from './access.decorators';
import { TenantDatabase } from './tenant-database.service';

const DEFAULT_LOCALES = ['en', 'ur'];

class TenantProfile {
  @ApiProperty({ example: 'gb' }) slug: string;
  @ApiProperty({ example: 'Gilgit-Baltistan' }) name: string;
  @ApiProperty({ example: ['en', 'ur'] }) locales: string[];
  @ApiProperty({ example: { title: 'Gilgit-Baltistan P&D Department' } }) branding: Record<string, unknown>;
  @ApiProperty({
    nullable: true,
    example: null,
    description: "Set on a training sandbox: the live province's slug and when the sandbox closes",
  })
  training: { liveSlug: string; expiresAt: Date | null } | null;
}

@ApiTags('province')
@Controller('api/tenant')
export class TenantController {
  constructor(private readonly tenants: TenantDatabase) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'The province served at this host: its public profile (no sign-in needed)' })
  @ApiOkResponse({ type: TenantProfile })
  profile(): TenantProfile {
    const t = this.tenants.currentTenant();
    return {
      slug: t.slug,
      name: t.name,
      locales: t.settings.locales?.length ? t.settings.locales : DEFAULT_LOCALES,
      branding: t.settings.branding ?? {},
      // The web app shows a TRAINING band on every screen of a sandbox.
      training: t.sandboxOf ? { liveSlug: t.sandboxOf, expiresAt: t.sandboxExpiresAt } : null,
    };
  }
}
