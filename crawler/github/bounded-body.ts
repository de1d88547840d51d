import { redactUrl } from './errors.ts';

/** A registry page of 100 servers is tens of kilobytes; anything near this is not a page. */
export const MAX_JSON_BODY_BYTES = 8 * 1024 * 1024;

/** An answer larger than the crawler will hold in memory. */
export class BodyTooLargeError extends Error {
  constructor(readonly url: string, readonly maxBytes: number) {
    super(`answer from ${redactUrl(url)} is larger than ${maxBytes} bytes; not read`);
  }
}

/**
 * The body parsed as JSON, read as a stream and given up as soon as it passes `maxBytes`, so a
 * hostile or broken host cannot make the crawler buffer an endless answer (`response.json()` would).
 */
export async function readJsonBounded(response: Response, url: string, maxBytes = MAX_JSON_BODY_BYTES): Promise<unknown> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new BodyTooLargeError(url, maxBytes);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (response.body) {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel();
        throw new BodyTooLargeError(url, maxBytes);
      }
      chunks.push(value);
    }
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}
