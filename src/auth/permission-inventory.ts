import type { INestApplicationContext } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { PERMISSION_KEY, PUBLIC_KEY } from './auth.decorators.js';

export interface RootOperation {
  /** "Query.me", "Mutation.createNetwork" */
  operation: string;
  /** The declared permission, "public", or null when nothing is declared (the guard denies). */
  permission: string | null;
}

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

/** Every root GraphQL operation of the running app with the permission its resolver declares. */
export function listRootOperations(app: INestApplicationContext): RootOperation[] {
  const seen = new Map<string, RootOperation>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.providers.values()) {
      const instance = wrapper.instance as object | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const proto = Object.getPrototypeOf(instance) as object;
      for (const key of Object.getOwnPropertyNames(proto)) {
        const handler = Object.getOwnPropertyDescriptor(proto, key)?.value as unknown;
        if (key === 'constructor' || typeof handler !== 'function') continue;
        const type = Reflect.getMetadata('graphql:resolver_type', handler) as string | undefined;
        if (!type || !ROOT_TYPES.has(type)) continue;
        const name = (Reflect.getMetadata('graphql:resolver_name', handler) as string | undefined) ?? key;
        const isPublic = Reflect.getMetadata(PUBLIC_KEY, handler) ?? Reflect.getMetadata(PUBLIC_KEY, instance.constructor);
        const permission = Reflect.getMetadata(PERMISSION_KEY, handler) ?? Reflect.getMetadata(PERMISSION_KEY, instance.constructor);
        const operation = `${type}.${name}`;
        seen.set(operation, { operation, permission: permission ?? (isPublic ? 'public' : null) });
      }
    }
  }
  return [...seen.values()].sort((a, b) => a.operation.localeCompare(b.operation));
}
