import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DomainError, unauthenticated } from '../common/domain-error.js';
import type { HubRequest } from '../common/request-loaders.js';
import { PeopleService } from '../people/people.service.js';
import { clientKey } from '../rate-limits/http-limits.js';
import { rateLimited, RateLimitService } from '../rate-limits/rate-limits.service.js';
import { OWN_AUTH_KEY, PERMISSION_KEY, PUBLIC_KEY } from './auth.decorators.js';
import type { Permission } from './permissions.js';
import { TokenVerifier } from './token-verifier.js';
import { Viewer } from './viewer.js';

/**
 * The global guard. Authenticates every request that carries a token, and denies by default:
 * a handler without @Public() or @RequirePermission() is refused. Resource-scoped permissions
 * are checked by the services (by id, through AccessService); this guard enforces the hub-wide
 * ones.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);
  /** What each handler declares, read once: the metadata of a method does not change. */
  private readonly declared = new WeakMap<object, Map<object, { isPublic: boolean; permission: Permission | undefined; ownAuth: boolean }>>();

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    private readonly people: PeopleService,
    @InjectDataSource() private readonly db: DataSource,
    private readonly limits: RateLimitService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const { isPublic, permission, ownAuth } = this.declaration(context);
    if (!isPublic && !permission) {
      this.logger.error(`${context.getClass().name}.${context.getHandler().name} declares no permission; denied`);
      throw new DomainError('FORBIDDEN', 'Diese Operation ist nicht verfügbar.');
    }
    if (ownAuth) return true;
    const req = this.request(context);
    await this.authenticate(req);
    if (isPublic) return true;
    if (!req.viewer) throw unauthenticated();
    if (permission === 'hub.admin' && !req.viewer.hubAdmin) {
      throw new DomainError('FORBIDDEN', 'Nur die Plattform-Administration (hub-admin) darf das.');
    }
    return true;
  }

  private declaration(context: ExecutionContext) {
    const handler = context.getHandler();
    const cls = context.getClass();
    const ofClass = this.declared.get(cls) ?? this.declared.set(cls, new Map()).get(cls)!;
    let found = ofClass.get(handler);
    if (!found) {
      const targets = [handler, cls];
      found = {
        isPublic: this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) ?? false,
        permission: this.reflector.getAllAndOverride<Permission>(PERMISSION_KEY, targets),
        ownAuth: this.reflector.getAllAndOverride<boolean>(OWN_AUTH_KEY, targets) ?? false,
      };
      ofClass.set(handler, found);
    }
    return found;
  }

  /** Several root fields of one request authenticate once, also when their guards run at the same time. */
  private authenticate(req: HubRequest): Promise<void> {
    if (req.viewer) return Promise.resolve();
    let signIn = this.signIns.get(req);
    if (!signIn) this.signIns.set(req, (signIn = this.signIn(req)));
    return signIn;
  }

  private readonly signIns = new WeakMap<HubRequest, Promise<void>>();

  private async signIn(req: HubRequest): Promise<void> {
    const header = req.headers.authorization;
    if (!header) return;
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw unauthenticated('Der Authorization-Header muss „Bearer <Zugriffstoken>“ lauten.');
    // A token not seen before costs a signature check: new tokens (valid or not) are limited per
    // client address, so nobody can make the hub verify garbage as fast as they can send it.
    if (!this.verifier.remembers(match[1])) {
      const hit = await this.limits.take('sign-in', clientKey(req));
      if (hit) throw rateLimited(hit);
    }
    const token = await this.verifier.verify(match[1]);
    const { person, roles } = await this.people.signIn(token);
    const hit = await this.limits.take('person', person.id);
    if (hit) throw rateLimited(hit);
    req.viewer = new Viewer(person, token.hubAdmin, this.db, roles);
  }

  private request(context: ExecutionContext): HubRequest {
    if (context.getType<string>() === 'graphql') return GqlExecutionContext.create(context).getContext().req;
    return context.switchToHttp().getRequest<HubRequest>();
  }
}
