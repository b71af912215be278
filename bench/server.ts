import 'reflect-metadata';
import {
  Controller,
  Get,
  Injectable,
  Module,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  UseGuards,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AuthGuard, PassportStrategy } from '@nestjs/passport';
import { InjectDataSource, TypeOrmModule } from '@nestjs/typeorm';
import { Strategy } from 'passport-jwt';
import { Pool } from 'pg';
import { DataSource, Entity } from 'typeorm';
import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { Department } from '../src/departments/department.entity';
import { AppModule } from '../src/app.module';
import { configureApp } from '../src/app.setup';
import { Public } from '../src/tenancy/access.decorators';
import { jwtVerifyOptions } from '../src/auth/jwt.strategy';
import { AccessTokenClaims } from '../src/auth/token.service';
import { AppConfig } from '../src/config/app-config';
import { AnyHost } from '../src/tenancy/host-scope';
import { prepareApi } from '../src/startup';

/** The schema the baseline reads: same table, fixed name, no province involved. */
export const BASELINE_SCHEMA = 'bench_fixed';

/** The departments table in the fixed schema: same columns, schema-qualified, no province. */
@Entity({ schema: BASELINE_SCHEMA, name: 'departments' })
class FixedDepartment extends Department {}

/** Same passport-jwt verification as the real strategy, minus the host binding it has no host for. */
@Injectable()
class BaselineJwtStrategy extends PassportStrategy(Strategy, 'jwt-baseline') {
  constructor(config: AppConfig) {
    super(jwtVerifyOptions(config));
  }
  validate(claims: AccessTokenClaims) {
    return claims;
  }
}

/**
 * Baseline for "tenancy overhead": the same read as GET /api/departments/:id, authenticated the
 * same way, on a fixed schema-qualified table: no host resolution, no province. Like
 * DepartmentsService.get through TenantDatabase.read, it is one statement on the pool, returning
 * the entity's fields.
 */
@AnyHost()
@Public()
// Under /api like the tenant path, so both take the same middleware (the web app's static file
// lookup answers every other GET path first).
@Controller('api/bench/baseline')
class BaselineController {
  private readonly select: string;
  private readonly pool: Pool;

  constructor(@InjectDataSource() dataSource: DataSource) {
    const metadata = dataSource.getMetadata(FixedDepartment);
    const columns = metadata.columns.map((c) => `"${c.databaseName}" AS "${c.propertyName}"`).join(', ');
    this.select = `SELECT ${columns} FROM ${BASELINE_SCHEMA}.departments WHERE id = $1`;
    this.pool = (dataSource.driver as PostgresDriver).master as Pool;
  }

  @UseGuards(AuthGuard('jwt-baseline'))
  @Get('departments/:id')
  async get(@Param('id', new ParseUUIDPipe({ version: '4' })) id: string) {
    const [row] = (await this.pool.query(this.select, [id])).rows;
    if (!row) throw new NotFoundException();
    return row;
  }
}

@Module({
  imports: [AppModule, TypeOrmModule.forFeature([FixedDepartment])],
  controllers: [BaselineController],
  providers: [BaselineJwtStrategy],
})
class BenchServerModule {}

async function main() {
  const app = await NestFactory.create(BenchServerModule, { bufferLogs: true });
  configureApp(app);
  await prepareApi(app);
  await app.listen(app.get(AppConfig).port, '127.0.0.1');
  process.send?.({ ready: true });
}
main().catch((e) => {
  process.stderr.write(`bench server failed: ${e?.stack ?? e}\n`);
  process.exit(1);
});
