import { Readable } from 'node:stream';

/** One file as it arrives: its name as the client gave it and its bytes, not yet read. */
export interface IncomingFile {
  readonly filename: string;
  readonly stream: Readable;
  /** True when the transport cut the file off at its own size limit (busboy's `truncated`). */
  readonly truncated: () => boolean;
}

/**
 * The first `bytes` of a stream (fewer when it ends sooner), and a stream of all of it, head
 * included: the rest is read on only when that stream is. `complete` when the head is everything.
 */
export async function peek(source: Readable, bytes: number): Promise<{ head: Buffer; complete: boolean; whole: Readable }> {
  const chunks: Buffer[] = [];
  let length = 0;
  const iterator = source[Symbol.asyncIterator]();
  let done = false;
  while (length < bytes) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value as Uint8Array);
    chunks.push(chunk);
    length += chunk.length;
  }
  const head = Buffer.concat(chunks);
  const whole = Readable.from(
    (async function* () {
      yield head;
      if (done) return;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value as Buffer;
    })(),
    { objectMode: false },
  );
  return { head: head.subarray(0, Math.min(head.length, bytes)), complete: done, whole };
}

/** Reads and discards what is left, so that a refusal can be answered to a client still sending. */
export async function drain(stream: Readable): Promise<void> {
  try {
    for await (const _chunk of stream) {
      // discarded
    }
  } catch {
    // a broken-off upload is drained too
  }
}
