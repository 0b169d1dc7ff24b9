import { SignJWT } from 'jose';
import type { Grant } from '@comuna/subgraph-kit/actor';
import { DEV_ISSUER, DEV_JWT_SECRET } from './auth.js';

/** Signs a development token the local gateway accepts (the development issuer, HS256). */
export async function mintDevToken(options: { subject: string; grants: Grant[]; hours?: number; secret?: string; expiresAt?: number }): Promise<string> {
  return new SignJWT({ grants: options.grants })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(options.subject)
    .setIssuer(DEV_ISSUER)
    .setAudience('comuna-graph')
    .setIssuedAt()
    .setExpirationTime(options.expiresAt ?? `${options.hours ?? 8}h`)
    .sign(new TextEncoder().encode(options.secret ?? DEV_JWT_SECRET));
}
