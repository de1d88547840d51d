import { describe, expect, it } from 'vitest';
import { BodyTooLargeError, readJsonBounded } from '../../crawler/github/bounded-body.ts';

/** A body of `total` bytes of JSON whitespace, streamed in 64 KB chunks, counting what was pulled. */
function endlessBody(total: number): { response: Response; pulled: () => number } {
  let sent = 0;
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
  return { response: new Response(stream), pulled: () => sent };
}

describe('reading a JSON answer with a size cap', () => {
  it('parses an answer within the cap', async () => {
    const value = await readJsonBounded(new Response('{"servers":[]}'), 'https://registry.example/v0.1/servers');
    expect(value).toEqual({ servers: [] });
  });

  it('stops reading an answer that passes the cap, and names the host without its query', async () => {
    const { response, pulled } = endlessBody(1024 * 1024 * 1024);
    const read = readJsonBounded(response, 'https://registry.example/v0.1/servers?cursor=secret', 1024 * 1024);
    await expect(read).rejects.toThrow(BodyTooLargeError);
    await expect(read).rejects.toThrow('answer from https://registry.example/v0.1/servers is larger than 1048576 bytes');
    expect(pulled()).toBeLessThan(4 * 1024 * 1024);
  });

  it('refuses an answer whose declared length passes the cap without reading it', async () => {
    const { response, pulled } = endlessBody(64 * 1024 * 1024);
    const declared = new Response(response.body, { headers: { 'content-length': String(64 * 1024 * 1024) } });
    await expect(readJsonBounded(declared, 'https://registry.example/x', 1024)).rejects.toThrow(BodyTooLargeError);
    expect(pulled()).toBeLessThan(1024 * 1024);
  });
});
