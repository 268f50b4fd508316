import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Permission } from './permissions.js';
import type { Viewer } from './viewer.js';

export const PUBLIC_KEY = 'interkom:public';
export const PERMISSION_KEY = 'interkom:permission';

/** Reachable without a token. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

export const OWN_AUTH_KEY = 'interkom:own-auth';

/**
 * Public, and the handler checks its own credential (hs_token, calendar token), so an
 * Authorization header there is not a Keycloak token and must not be read as one.
 */
export const OwnAuthentication = () => applyDecorators(SetMetadata(PUBLIC_KEY, true), SetMetadata(OWN_AUTH_KEY, true));

/** The permission a resolver needs; without this or @Public() the guard denies. */
export const RequirePermission = (permission: Permission) => SetMetadata(PERMISSION_KEY, permission);

/** The signed-in caller, set by the AuthGuard. */
export const CurrentViewer = createParamDecorator((_: unknown, context: ExecutionContext): Viewer => {
  const req = context.getType<string>() === 'graphql' ? GqlExecutionContext.create(context).getContext().req : context.switchToHttp().getRequest();
  return req.viewer;
});
