import { Injectable } from '@nestjs/common';

/**
 * "Now" for rules that depend on it (a protocol is published only after its meeting's end).
 * Injected, so a test can drive it with `overrideProvider(Clock)` instead of waiting or faking
 * the process's time.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
