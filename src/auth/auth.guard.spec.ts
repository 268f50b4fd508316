import { describe, expect, it } from '@jest/globals';
import { Reflector } from '@nestjs/core';
import { Logger, type ExecutionContext } from '@nestjs/common';
import { AuthGuard } from './auth.guard.js';
import { Public, RequirePermission } from './auth.decorators.js';

class Undeclared {
  handler() {}
}
class Declared {
  @Public() open() {}
  @RequirePermission('signed-in') closed() {}
}

function httpContext(cls: new () => object, method: string, headers: Record<string, string> = {}): ExecutionContext {
  const req = { headers };
  return {
    getType: () => 'http',
    getClass: () => cls,
    getHandler: () => (cls.prototype as Record<string, unknown>)[method],
    switchToHttp: () => ({ getRequest: () => req }),
  } as unknown as ExecutionContext;
}

describe('AuthGuard', () => {
  Logger.overrideLogger(false);
  const guard = new AuthGuard(new Reflector(), {} as never, {} as never, {} as never, {} as never);

  it('denies a handler that declares neither @Public() nor a permission', async () => {
    await expect(guard.canActivate(httpContext(Undeclared, 'handler'))).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
  });

  it('lets a @Public() handler through without a token', async () => {
    await expect(guard.canActivate(httpContext(Declared, 'open'))).resolves.toBe(true);
  });

  it('asks for a token where a permission is declared', async () => {
    await expect(guard.canActivate(httpContext(Declared, 'closed'))).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses an Authorization header that is not a bearer token', async () => {
    await expect(guard.canActivate(httpContext(Declared, 'closed', { authorization: 'Basic abc' }))).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });
});
