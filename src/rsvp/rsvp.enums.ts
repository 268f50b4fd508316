import { registerEnumType } from '@nestjs/graphql';

/**
 * A person's answer to an invitation: Zusage, Absage, Vielleicht, or Vertretung (the person does
 * not come and names who goes for their organization instead).
 */
export enum RsvpAnswer { ACCEPTED = 'ACCEPTED', DECLINED = 'DECLINED', TENTATIVE = 'TENTATIVE', DEPUTY = 'DEPUTY' }
/** Where an answer came from: the web client, or a reply from a mail program (iMIP REPLY). */
export enum RsvpSource { CLIENT = 'CLIENT', MAIL = 'MAIL' }

registerEnumType(RsvpAnswer, { name: 'RsvpAnswer', description: 'Zusage, Absage, Vielleicht, Vertretung' });
registerEnumType(RsvpSource, { name: 'RsvpSource' });
