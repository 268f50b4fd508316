import { registerEnumType } from '@nestjs/graphql';

/** Who sees a profile or an event series. */
export enum Visibility {
  /** role holders of its network */
  NETWORK = 'NETWORK',
  /** every signed-in person (municipalities outside any network included) */
  HUB = 'HUB',
  /** also without sign-in */
  PUBLIC = 'PUBLIC',
}
export enum ProjectStatus { IDEA = 'IDEA', PLANNED = 'PLANNED', RUNNING = 'RUNNING', COMPLETED = 'COMPLETED', STOPPED = 'STOPPED' }

registerEnumType(Visibility, { name: 'Visibility' });

/** Who sees it, in German (as the client labels the values), for audit entries. */
export const VISIBILITY_DE: Record<Visibility, string> = { NETWORK: 'nur im Netzwerk', HUB: 'für alle Angemeldeten', PUBLIC: 'öffentlich' };
registerEnumType(ProjectStatus, { name: 'ProjectStatus' });
