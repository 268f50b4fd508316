import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('AuditEntry', { description: 'One privileged change: who, what, on what, when' })
export class AuditEntryModel {
  @Field(() => ID) id: string;
  @Field() at: Date;
  actorId: string | null;
  @Field({ description: 'dotted verb, e.g. "network.role.set", "group.member.add", "protocol.publish", "person.erase"' }) action: string;
  @Field({ description: '"Network", "Group", "Meeting", "Protocol", "Person", ...' }) subjectType: string;
  @Field(() => ID) subjectId: string;
  @Field({ description: 'one German sentence' }) summary: string;
}
