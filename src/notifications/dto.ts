import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../common/paging';

export const NOTIFICATIONS_MAX_PAGE_SIZE = 100;
export const NOTIFICATIONS_DEFAULT_PAGE_SIZE = 20;

export class NotificationsQuery extends PageQuery({
  defaultSize: NOTIFICATIONS_DEFAULT_PAGE_SIZE,
  maxSize: NOTIFICATIONS_MAX_PAGE_SIZE,
}) {
  @ApiPropertyOptional({ description: 'Only unread ones' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'unread must be true or false' })
  unread?: boolean;

  @ApiPropertyOptional({ enum: ['en', 'ur'], description: 'Language of titles and texts (default: the user’s own)' })
  @IsOptional()
  @IsIn(['en', 'ur'], { message: 'locale must be en or ur' })
  locale?: 'en' | 'ur';
}

export class NotificationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'document.returned' }) type: string;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) documentId: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) projectId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Where the web app opens it, e.g. /documents/:id' }) link:
    string | null;
  @ApiProperty() read: boolean;
  @ApiProperty() createdAt: Date;
}

export class NotificationsPage {
  @ApiProperty({ type: [NotificationView] }) items: NotificationView[];
  @ApiProperty({ description: 'All unread notifications of the user' }) unread: number;
  @ApiProperty({ description: 'Notifications matching the query' }) total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
