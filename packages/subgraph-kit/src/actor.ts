import { badInput } from './errors.js';

/**
 * Roles a verified identity can hold. Reads of public data need none; every write needs one.
 * - ADMIN: national administrator, every write anywhere.
 * - REGISTRY_CLERK: registers bodies and changes their status, anywhere.
 * - SPOKESPERSON: an officer (vocero/vocera) of the listed bodies; writes their governance, production and budget data.
 * - AUDITOR: reads audit details; writes nothing.
 */
export const ROLES = ['ADMIN', 'REGISTRY_CLERK', 'SPOKESPERSON', 'AUDITOR'] as const;
export type Role = (typeof ROLES)[number];

/** A role over some bodies (global ids); `*` means every body. */
export interface Grant {
  role: Role;
  bodies: string[];
}

/** Who is asking, as the gateway verified it and signed it for the subgraphs. */
export interface Actor {
  subject: string | null;
  /** Role names, for the audit trail. */
  roles: string[];
  grants: Grant[];
}

export const anonymous: Actor = Object.freeze({ subject: null, roles: [], grants: [] });

/** The scopes (as named in the SDL's @requiresScopes) each role carries. */
export const ROLE_SCOPES: Record<Role, readonly string[]> = {
  ADMIN: ['registry:write', 'governance:write', 'production:write', 'budget:write', 'audit:read'],
  REGISTRY_CLERK: ['registry:write'],
  SPOKESPERSON: ['governance:write', 'production:write', 'budget:write'],
  AUDITOR: ['audit:read'],
};

export function scopesOf(actor: Actor): Set<string> {
  return new Set(actor.grants.flatMap((grant) => ROLE_SCOPES[grant.role] ?? []));
}

/** Validates untrusted grant claims (from a token) into grants; anything malformed is refused whole. */
export function parseGrants(value: unknown): Grant[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.length > 500) throw badInput('grants must be a list of { role, bodies }');
  return value.map((grant) => {
    if (!grant || typeof grant !== 'object') throw badInput('each grant must be an object { role, bodies }');
    const { role, bodies } = grant as Record<string, unknown>;
    if (!ROLES.includes(role as Role)) throw badInput(`unknown role ${String(role)}; roles are ${ROLES.join(', ')}`);
    if (!Array.isArray(bodies) || bodies.length > 5000 || !bodies.every((b) => typeof b === 'string' && /^(\*|[a-z]+:[0-9a-z]+)$/.test(b))) {
      throw badInput('grant bodies must be global ids such as commune:1, or *');
    }
    return { role: role as Role, bodies: bodies as string[] };
  });
}

export function actorFrom(subject: string | null, grants: Grant[]): Actor {
  return { subject, grants, roles: [...new Set(grants.map((g) => g.role))] };
}
