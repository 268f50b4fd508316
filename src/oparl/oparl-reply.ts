import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { oparlError } from './oparl-error.js';

/** Where OParl lives; CORS is open below it (§2.6) and nowhere else. */
export const OPARL_PATH = '/oparl/';
export const OPARL_V1 = '/oparl/v1/';

/** Sends an OParl error object (§2.9) with open CORS; `debug` names the request and where a client starts. */
export async function sendOparlError(reply: FastifyReply, status: number, message: string, request: FastifyRequest): Promise<void> {
  const pathname = request.url.split('?')[0]!;
  const debug = `HTTP ${status} für ${request.method} ${pathname}; der Einstieg ist ${OPARL_V1}system`;
  await reply
    .status(status)
    .header('access-control-allow-origin', '*')
    .header('content-type', 'application/json; charset=utf-8')
    .send(JSON.stringify(oparlError(message, debug)));
}

/**
 * Fastify's `frameworkErrors`: a URL that is not valid percent-encoding never reaches a route.
 * Under /oparl/ it gets an OParl error object; anywhere else the answer Fastify gives without
 * this handler.
 */
export function oparlFrameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  if (error.code !== 'FST_ERR_BAD_URL') {
    void reply.send(error);
    return;
  }
  if (request.url.startsWith(OPARL_PATH)) {
    void sendOparlError(reply, 400, 'Die URL ist nicht gültig kodiert (Prozent-Kodierung).', request);
    return;
  }
  void reply
    .status(400)
    .header('content-type', 'application/json')
    .send(JSON.stringify({ error: 'Bad Request', code: error.code, message: error.message, statusCode: 400 }));
}
