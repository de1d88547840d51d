/**
 * Credentials kept out of every message. An API host (GitHub Enterprise, a proxy in front of it, a
 * misconfigured stand-in) may echo the request's headers in an error body; that body becomes an error
 * message, which is printed, written to the job summary and stored in the run's stats, and so published
 * with the catalog. Messages are redacted where an HTTP answer becomes a message and again before
 * anything is stored or written.
 */

export const REDACTED = '[REDACTED]';

/**
 * Secrets in use in this process (the GitHub token), registered when the client is made so that every
 * layer can redact them without the token being passed through it (as GitHub Actions' `add-mask`).
 * Shorter strings are not registered: replacing them everywhere would garble messages, and no GitHub
 * token is that short.
 */
const secrets = new Set<string>();
const MIN_SECRET_LENGTH = 8;

export function registerSecret(secret: string | undefined): void {
  const value = secret?.trim();
  if (value && value.length >= MIN_SECRET_LENGTH) secrets.add(value);
}

/** `Authorization: token …`, `"authorization":"Bearer …"`, `Proxy-Authorization=…`: the header's value, to the end of the field. */
const AUTHORIZATION_HEADER = /\b((?:proxy-)?authorization)(["']?\s*[:=]\s*["']?)[^\s"',;{}[\]][^"'\r\n,;{}[\]]*/gi;
/** `token …` and `Bearer …` with a credential-looking value: 12 or more token characters, at least one a digit. */
const SCHEME_AND_CREDENTIAL = /\b(token|bearer)(\s+)(?=[A-Za-z0-9._~+/=-]*\d)[A-Za-z0-9._~+/=-]{12,}/gi;
/**
 * GitHub's token formats (docs: about-authentication-to-github § GitHub's token formats): `ghp_`
 * (classic), `github_pat_` (fine-grained), `gho_` (OAuth), `ghu_` (user-to-server), `ghs_`
 * (installation), `ghr_` (refresh).
 */
const GITHUB_TOKEN_SHAPE = /\b(?:gh[pousr]_[A-Za-z0-9]{16,}|github_pat_[A-Za-z0-9_]{20,})/g;

/** The text with every registered secret, authorization header value and GitHub-token-shaped string replaced by `[REDACTED]`. */
export function redactSecrets(text: string): string {
  let out = text.replace(AUTHORIZATION_HEADER, `$1$2${REDACTED}`);
  for (const secret of secrets) out = out.split(secret).join(REDACTED);
  return out.replace(SCHEME_AND_CREDENTIAL, `$1$2${REDACTED}`).replace(GITHUB_TOKEN_SHAPE, REDACTED);
}
