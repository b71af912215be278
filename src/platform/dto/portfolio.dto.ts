import { ApiProperty } from '@nestjs/swagger';
import { PORTFOLIO_METRICS } from '../../projects/project-aggregates';

export class PortfolioFigureResponse {
  @ApiProperty({ example: 'gb' }) provinceSlug: string;
  @ApiProperty({ enum: PORTFOLIO_METRICS }) metric: string;
  @ApiProperty({ type: String, nullable: true, example: 'pc1', description: 'Form kind (by_stage, waiting, overdue)' })
  stage: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'submitted', description: 'Workflow state or status' })
  state: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'PDWP' }) forum: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Education' }) sector: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2025-26' }) financialYear: string | null;
  @ApiProperty({ example: 12 }) count: number;
  @ApiProperty({ type: String, nullable: true, example: '3128.200', description: 'Rs million, exact decimal' })
  amount: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) computedAt: Date;
}

export class PortfolioProvinceResponse {
  @ApiProperty({ example: 'gb' }) slug: string;
  @ApiProperty({ type: String, format: 'date-time', description: 'When its figures were last computed' })
  computedAt: Date;
}

export class PortfolioResponse {
  @ApiProperty({ type: [PortfolioProvinceResponse], description: 'Provinces that share, with figures computed' })
  provinces: PortfolioProvinceResponse[];
  @ApiProperty({ type: [PortfolioFigureResponse] }) figures: PortfolioFigureResponse[];
}

export class PortfolioRefreshResponse {
  @ApiProperty({ example: '42', description: 'The queued job (portfolio queue)' }) jobId: string;
}
