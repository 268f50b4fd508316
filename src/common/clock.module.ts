import { Global, Module } from '@nestjs/common';
import { Clock } from './clock.js';

/** One Clock for the whole hub: a test that drives it (`app.get(Clock)`) drives every rule. */
@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
