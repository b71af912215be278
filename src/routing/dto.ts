import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { IsCalendarDate } from '../common/calendar';
import { IsOptionalNotNull, IsPlainText } from '../common/validation';
import { FORUM_RULE_LEVELS, type ForumRuleLevel } from './forum-rules';

const AMOUNT = /^(0|[1-9][0-9]{0,14})(\.[0-9]{1,3})?$/;
/** Fits numeric(9, 3): up to 999,999.999 %. */
const PERCENT = /^(0|[1-9][0-9]{0,5})(\.[0-9]{1,3})?$/;

export class CreateForumRuleRequest {
  @ApiProperty({ example: 'gbdwp-2026' })
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'code must be a lowercase code such as gbdwp-2026' })
  @Length(1, 80)
  code: string;

  @ApiPropertyOptional({
    enum: FORUM_RULE_LEVELS,
    default: 'provincial',
    description:
      "provincial: the province's own rule (its bands, special rules); " +
      "federal: a federal forum's own limit (ministries' DDWP, CDWP, ECNEC)",
  })
  @IsOptionalNotNull()
  @IsIn(FORUM_RULE_LEVELS, { message: 'level must be federal or provincial' })
  level?: ForumRuleLevel;

  @ApiProperty({ example: 'gbdwp', description: "One of the province's approval-forums codes" })
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'forum must be a forum code such as gbdwp' })
  forum: string;

  @ApiPropertyOptional({ example: '400', description: 'Rs million, exclusive' })
  // Left out, the band has no lower bound; null is not a cost (decimal.js would throw on it).
  @IsOptionalNotNull()
  @Matches(AMOUNT, { message: 'minCost must be an amount in Rs million such as 400 or 400.5' })
  minCost?: string;

  @ApiPropertyOptional({ example: '2000', description: 'Rs million, inclusive' })
  @IsOptionalNotNull()
  @Matches(AMOUNT, { message: 'maxCost must be an amount in Rs million such as 2000' })
  maxCost?: string;

  @ApiPropertyOptional({ example: ['pc2'] })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(3)
  @IsIn(['pc1', 'pc1-revised', 'pc2'], { each: true })
  formKinds?: string[];

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsBoolean()
  foreignFunding?: boolean;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsBoolean()
  whollyProvincial?: boolean;

  @ApiPropertyOptional({ example: '15' })
  @IsOptionalNotNull()
  @Matches(PERCENT, { message: 'maxIncreasePct must be a percentage such as 15 (at most 999999.999, 3 decimals)' })
  maxIncreasePct?: string;

  @ApiProperty({ example: '2026-07-01' })
  @IsCalendarDate({ message: 'effectiveFrom must be a real date (YYYY-MM-DD)' })
  effectiveFrom: string;

  @ApiPropertyOptional({ example: '2027-06-30' })
  @IsOptional()
  @IsCalendarDate({ message: 'effectiveTo must be a real date (YYYY-MM-DD)' })
  effectiveTo?: string;

  @ApiProperty({ example: 20, description: 'Higher wins: special rules 30+, province bands 20, federal 10' })
  @IsInt()
  @Min(0)
  @Max(100)
  priority: number;

  @ApiProperty({ example: 'GB P&DD notification No. PDD-1(12)/2026 of 15-06-2026' })
  @IsString()
  @Length(1, 2000)
  @IsPlainText()
  source: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  verify?: boolean;
}

export class EndForumRuleRequest {
  @ApiProperty({ example: '2026-06-30' })
  @IsCalendarDate({ message: 'effectiveTo must be a real date (YYYY-MM-DD)' })
  effectiveTo: string;
}
