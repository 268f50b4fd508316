import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { RateLimitsModule } from '../rate-limits/rate-limits.module.js';
import { AccessService } from './access.service.js';
import { AuthGuard } from './auth.guard.js';
import { TokenVerifier } from './token-verifier.js';

@Global()
@Module({
  imports: [RateLimitsModule],
  providers: [TokenVerifier, AccessService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [TokenVerifier, AccessService],
})
export class AuthModule {}
