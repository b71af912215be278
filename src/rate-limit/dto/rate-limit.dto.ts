import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Max, Min, ValidateIf } from 'class-validator';

/** The bounds of platform.tenants.rate_limit_per_minute (platform migration 0004). */
export const RATE_LIMIT_MIN = 1;
export const RATE_LIMIT_MAX = 10_000_000;

export class SetRateLimitRequest {
  @ApiProperty({
    type: 'integer',
    nullable: true,
    minimum: RATE_LIMIT_MIN,
    maximum: RATE_LIMIT_MAX,
    example: 3000,
    description: "Requests a minute across all API processes; null returns the province to the deployment's default",
  })
  // null is meaningful (back to the default); a missing field is not, and fails IsInt.
  @ValidateIf((_o, value) => value !== null)
  @IsInt({ message: 'perMinute must be a whole number of requests a minute, or null for the default' })
  @Min(RATE_LIMIT_MIN)
  @Max(RATE_LIMIT_MAX)
  perMinute: number | null;
}

export class RateLimitUsage {
  @ApiProperty({ description: 'Requests counted in the current one-minute window' })
  used: number;

  @ApiProperty({ description: 'Seconds until the window ends (0: no window open)' })
  resetSeconds: number;
}

export class ProvinceRateLimitView {
  @ApiProperty({ example: 'gb' })
  slug: string;

  @ApiProperty({ type: 'integer', nullable: true, description: "The province's own limit; null: the default" })
  perMinute: number | null;

  @ApiProperty({ description: 'RATE_LIMIT_PER_PROVINCE_PER_MINUTE' })
  defaultPerMinute: number;

  @ApiProperty({ description: 'The limit in force' })
  effectivePerMinute: number;

  @ApiPropertyOptional({
    type: RateLimitUsage,
    nullable: true,
    description: 'This minute so far; null when Redis cannot be read',
  })
  usage: RateLimitUsage | null;
}
