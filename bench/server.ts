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
import { InjectDataSource } from '@nestjs/typeorm';
import { Strategy } from 'passport-jwt';
import { DataSource, Entity } from 'typeorm';
import { entities } from '../src/database/entities';
import { Department } from '../src/departments/department.entity';
import { AppModule } from '../src/app.module';
import { configureApp } from '../src/app.setup';
import { Public } from '../src/auth/auth.decorators';
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
// Registered before the DataSource is built (the list is read when the app module initialises).
entities.push(FixedDepartment);

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
 * same way, but on a fixed schema-qualified table: no host resolution, no tenant transaction.
 */
@AnyHost()
@Public()
@Controller('bench/baseline')
class BaselineController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @UseGuards(AuthGuard('jwt-baseline'))
  @Get('departments/:id')
  async get(@Param('id', new ParseUUIDPipe({ version: '4' })) id: string) {
    // The same repository call as DepartmentsService.get, on the fixed schema.
    const row = await this.dataSource.getRepository(FixedDepartment).findOneBy({ id });
    if (!row) throw new NotFoundException();
    return row;
  }
}

@Module({ imports: [AppModule], controllers: [BaselineController], providers: [BaselineJwtStrategy] })
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
