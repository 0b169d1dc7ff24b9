import type { IncomingMessage } from 'node:http';
import { createLocalJWKSet, createRemoteJWKSet, importSPKI, jwtVerify, type JWTVerifyGetKey, type KeyObject } from 'jose';
import { actorFrom, anonymous, parseGrants, type Actor, type Grant } from '@comuna/subgraph-kit/actor';
import { createLogger } from '@comuna/subgraph-kit/observability';
import type { GatewayConfig } from './config.js';
import { mandateLookup, type MandateLookup } from './mandate-grants.js';

/** The issuer the development token command signs as; production refuses tokens from it. */
export const DEV_ISSUER = 'comuna-graph-dev';
/** A fixed development secret so `npm start` and the token command agree without setup; refused in production. */
export const DEV_JWT_SECRET = 'comuna-graph-development-secret-not-for-production';

export type Authenticator = (req: IncomingMessage) => Promise<Actor>;

async function keyFor(config: GatewayConfig): Promise<Uint8Array | KeyObject | JWTVerifyGetKey> {
  if (config.JWT_JWKS_URL) return createRemoteJWKSet(new URL(config.JWT_JWKS_URL));
  if (config.JWT_JWKS) return createLocalJWKSet(JSON.parse(config.JWT_JWKS));
  if (config.JWT_PUBLIC_KEY) return importSPKI(config.JWT_PUBLIC_KEY, config.jwtAlgorithms[0]!);
  return new TextEncoder().encode(config.JWT_SECRET ?? DEV_JWT_SECRET);
}

/** The lookup of roles derived from mandates, as configured (none when MANDATE_ROLES=off). */
export function configuredMandateLookup(config: GatewayConfig): MandateLookup | undefined {
  if (config.MANDATE_ROLES === 'off' || !config.subgraphUrls.governance) return undefined;
  const logger = createLogger('gateway');
  return mandateLookup({
    governanceUrl: config.subgraphUrls.governance,
    secret: config.CONTEXT_SECRET,
    ttlMs: config.MANDATE_ROLES_TTL_MS,
    timeoutMs: config.MANDATE_LOOKUP_TIMEOUT_MS,
    // The subject stays out of the logs; the reason is what an operator needs.
    onFailure: (_subject, reason) => logger.warn({ reason }, 'mandate lookup failed: the user keeps only the grants in their token'),
  });
}

/** A token's own grants plus SPOKESPERSON over the bodies of the subject's active mandates. */
export function withMandates(claimed: Grant[], mandateBodies: string[]): Grant[] {
  return mandateBodies.length ? [...claimed, { role: 'SPOKESPERSON', bodies: mandateBodies }] : claimed;
}

/**
 * Verifies the bearer token once, at the gateway: pinned algorithms, issuer, audience, expiry with a small clock
 * tolerance. No token is an anonymous caller (public reads need none, and never cause a mandate lookup); a bad
 * token is refused outright rather than downgraded to anonymous, so a client learns its token is wrong. A valid
 * token's grants are merged with those derived from the subject's active mandates (`mandates`), when configured.
 */
export async function createAuthenticator(config: GatewayConfig, mandates: MandateLookup | undefined = configuredMandateLookup(config)): Promise<Authenticator> {
  const key = await keyFor(config);
  return async (req) => {
    const header = req.headers.authorization;
    if (!header) return anonymous;
    const match = /^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/.exec(header);
    if (!match) throw new Error('Authorization must be "Bearer <JWT>"');
    let subject: string;
    let claimed: Grant[];
    try {
      const { payload } = await jwtVerify(match[1]!, key as never, {
        algorithms: config.jwtAlgorithms,
        issuer: config.JWT_ISSUER,
        audience: config.JWT_AUDIENCE,
        clockTolerance: 30,
        requiredClaims: ['sub', 'exp'],
      });
      subject = payload.sub!;
      claimed = parseGrants(payload.grants);
    } catch (error) {
      throw new Error(`invalid token (${(error as Error).message})`);
    }
    return actorFrom(subject, withMandates(claimed, mandates ? await mandates(subject) : []));
  };
}
