import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';

export class PortfolioSharingRequest {
  @ApiProperty({ description: "true shows the province's aggregate figures to the host's operators; false hides them" })
  @IsBoolean({ message: 'shared must be true or false' })
  shared: boolean;
}

export class PortfolioSharingView {
  @ApiProperty()
  shared: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  changedAt: Date | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The admin who last changed it' })
  changedBy: string | null;
}
