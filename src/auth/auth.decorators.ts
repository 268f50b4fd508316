import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Permission } from './permissions.js';
import type { Viewer } from './viewer.js';

export const PUBLIC_KEY = 'interkom:public';
export const PERMISSION_KEY = 'interkom:permission';

/** Reachable without a token. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The permission a resolver needs; without this or @Public() the guard denies. */
export const RequirePermission = (permission: Permission) => SetMetadata(PERMISSION_KEY, permission);

/** The signed-in caller, set by the AuthGuard. */
export const CurrentViewer = createParamDecorator((_: unknown, context: ExecutionContext): Viewer => {
  const req = context.getType<string>() === 'graphql' ? GqlExecutionContext.create(context).getContext().req : context.switchToHttp().getRequest();
  return req.viewer;
});
