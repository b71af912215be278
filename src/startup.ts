import { INestApplicationContext } from '@nestjs/common';
import { DatabaseHealth } from './database/database-health.service';
import { OperatorsService } from './platform/operators.service';

/**
 * Start-up checks shared by the API entry point and the tests: refuse an unprepared database,
 * then create the first operator if there is none.
 */
export async function prepareApi(app: INestApplicationContext): Promise<void> {
  await app.get(DatabaseHealth).assertPrepared();
  await app.get(OperatorsService).ensureFirstOperator();
}
