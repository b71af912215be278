import { Module } from '@nestjs/common';
import { backgroundImports } from './background.imports';
import { PlatformModule } from './platform/platform.module';

/** What operator commands need: the background services plus province management. */
@Module({
  imports: [...backgroundImports, PlatformModule],
})
export class CliModule {}
