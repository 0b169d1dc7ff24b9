import type { IncomingMessage } from 'node:http';
import { createLocalJWKSet, createRemoteJWKSet, importSPKI, jwtVerify, type JWTVerifyGetKey, type KeyObject } from 'jose';
import { actorFrom, anonymous, parseGrants, type Actor } from '@comuna/subgraph-kit/actor';
import type { GatewayConfig } from './config.js';

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

/**
 * Verifies the bearer token once, at the gateway: pinned algorithms, issuer, audience, expiry with a small clock
 * tolerance. No token is an anonymous caller (public reads need none); a bad token is refused outright rather
 * than downgraded to anonymous, so a client learns its token is wrong.
 */
export async function createAuthenticator(config: GatewayConfig): Promise<Authenticator> {
  const key = await keyFor(config);
  return async (req) => {
    const header = req.headers.authorization;
    if (!header) return anonymous;
    const match = /^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/.exec(header);
    if (!match) throw new Error('Authorization must be "Bearer <JWT>"');
    try {
      const { payload } = await jwtVerify(match[1]!, key as never, {
        algorithms: config.jwtAlgorithms,
        issuer: config.JWT_ISSUER,
        audience: config.JWT_AUDIENCE,
        clockTolerance: 30,
        requiredClaims: ['sub', 'exp'],
      });
      return actorFrom(payload.sub!, parseGrants(payload.grants));
    } catch (error) {
      throw new Error(`invalid token (${(error as Error).message})`);
    }
  };
}
