import { OPARL_TYPE } from './oparl-urls.js';

/**
 * An OParl error object (OParl 1.1 §2.9, a should-rule): `message` for the people a client shows
 * it to, in the language of the content (German); `debug` for the client's developers.
 */
export interface OparlError {
  type: string;
  message: string;
  debug: string;
}

export const oparlError = (message: string, debug: string): OparlError => ({ type: OPARL_TYPE('Error'), message, debug });
