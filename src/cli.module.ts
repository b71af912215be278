import { Module } from '@nestjs/common';
import { backgroundImports } from './background.imports';
import { PlatformModule } from './platform/platform.module';
import { PortabilityModule } from './portability/portability.module';

/** What operator commands need: the background services plus province management and archives. */
@Module({
  imports: [...backgroundImports, PlatformModule, PortabilityModule],
})
export class CliModule {}
