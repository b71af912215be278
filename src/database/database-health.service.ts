import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NO_TENANT_SCHEMA } from '../tenancy/slug';

/**
 * Refuses to start against a database that `npm run migrate` has not prepared: without the
 * empty default search_path a forgotten tenant would fall through to another schema.
 */
@Injectable()
export class DatabaseHealth {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async assertPrepared(): Promise<void> {
    const [{ search_path: searchPath }] = await this.dataSource.query(`SHOW search_path`);
    const [{ registry }] = await this.dataSource.query(`SELECT to_regclass('platform.tenants') IS NOT NULL AS registry`);
    if (searchPath !== NO_TENANT_SCHEMA || !registry) {
      throw new Error(
        `Database is not prepared (search_path=${searchPath}, registry=${registry}). Run \`npm run migrate\` first.`,
      );
    }
  }

  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }
}
