import { redactSecrets } from './redact.ts';

/**
 * A rate limit whose wait is longer than the run may spend: the stage stops and the run checkpoints,
 * to resume on the next run (SPEC §10).
 */
export class RateLimitStop extends Error {
  constructor(readonly resource: string, readonly waitMs: number, detail: string) {
    super(`${resource} rate limit: ${detail}; would wait ${Math.round(waitMs / 1000)} s, more than allowed — stopping at a checkpoint`);
  }
}

/**
 * An HTTP answer the crawler cannot use (after bounded retries). The message never carries credentials:
 * the URL loses its query and userinfo, and the server's text is redacted (a host may echo our headers).
 */
export class HttpStatusError extends Error {
  constructor(readonly status: number, readonly url: string, detail = '') {
    super(`HTTP ${status} from ${redactUrl(url)}${detail ? `: ${redactSecrets(detail)}` : ''}`);
  }
}

/** Drops query strings and userinfo from a URL for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return '(url)';
  }
}
