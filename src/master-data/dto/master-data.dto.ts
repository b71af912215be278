import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { IsOptionalNotNull, IsPlainText } from '../../common/validation';

export class UpsertMasterDataItemRequest {
  @ApiProperty({ example: 'Gilgit' })
  @IsString()
  @Length(1, 200)
  @IsPlainText()
  nameEn: string;

  @ApiProperty({ example: 'گلگت' })
  @IsString()
  @Length(1, 200)
  @IsPlainText()
  nameUr: string;

  @ApiPropertyOptional({
    description: "Parent item's code: a tehsil's district, a sub-sector's sector",
    example: 'gilgit',
  })
  @IsOptional()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'parentCode must be a lowercase code such as "gilgit"' })
  @Length(1, 80)
  parentCode?: string;

  @ApiPropertyOptional({ example: 10 })
  @IsOptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(100000)
  sortOrder?: number;

  @ApiPropertyOptional({ description: 'Inactive items stay on old documents but are not offered on new versions' })
  @IsOptionalNotNull()
  @IsBoolean()
  active?: boolean;
}
