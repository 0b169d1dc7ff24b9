import { defaultFieldResolver, Kind, type ConstDirectiveNode, type DocumentNode, type GraphQLFieldResolver } from 'graphql';
import { scopesOf, type Actor } from './actor.js';
import { forbidden, unauthenticated } from './errors.js';

/** What the SDL demands of a caller for one field: Federation's @authenticated and @requiresScopes. */
interface Requirement {
  authenticated: boolean;
  /** Alternatives (OR) of scope sets (AND), as @requiresScopes writes them. */
  scopes: string[][];
}

function requirementOf(directives: readonly ConstDirectiveNode[] | undefined): Requirement | undefined {
  let found: Requirement | undefined;
  for (const directive of directives ?? []) {
    if (directive.name.value === 'authenticated') found = { authenticated: true, scopes: found?.scopes ?? [] };
    if (directive.name.value === 'requiresScopes') {
      const arg = directive.arguments?.find((a) => a.name.value === 'scopes')?.value;
      const scopes = arg?.kind === Kind.LIST ? arg.values.map((inner) => (inner.kind === Kind.LIST ? inner.values.map((v) => (v.kind === Kind.STRING ? v.value : '')) : [])) : [];
      found = { authenticated: true, scopes };
    }
  }
  return found;
}

/** `Type.field` → requirement, from the SDL; a requirement on a type applies to its fields and its entity resolution. */
export function requirementsOf(typeDefs: DocumentNode): Map<string, Requirement> {
  const requirements = new Map<string, Requirement>();
  for (const definition of typeDefs.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const type = definition.name.value;
    const onType = requirementOf(definition.directives);
    if (onType) requirements.set(`${type}.__resolveReference`, onType);
    for (const field of definition.fields ?? []) {
      const requirement = requirementOf(field.directives) ?? onType;
      if (requirement) requirements.set(`${type}.${field.name.value}`, requirement);
    }
  }
  return requirements;
}

/** Throws UNAUTHENTICATED or FORBIDDEN when the actor does not meet the requirement. */
export function checkRequirement(actor: Actor, requirement: Requirement, where: string): void {
  if (requirement.authenticated && !actor.subject) throw unauthenticated(`${where} needs a signed-in user`);
  if (requirement.scopes.length === 0) return;
  const held = scopesOf(actor);
  if (!requirement.scopes.some((set) => set.every((scope) => held.has(scope)))) {
    throw forbidden(`${where} needs ${requirement.scopes.map((set) => set.join(' and ')).join(' or ')}, which your roles do not carry`);
  }
}

type ResolverMap = Record<string, Record<string, unknown> | unknown>;

/**
 * Wraps every resolver the SDL guards, including `__resolveReference` (schema transforms that walk fields miss
 * it, so entity resolution through `_entities` would otherwise skip the check). @apollo/gateway does not enforce
 * these directives; Apollo Router and Hive Gateway would, and the subgraph enforces them regardless.
 */
export function enforceRequirements<R extends object>(typeDefs: DocumentNode, resolvers: R): R {
  const requirements = requirementsOf(typeDefs);
  const guarded: ResolverMap = { ...(resolvers as ResolverMap) };
  for (const [key, requirement] of requirements) {
    const [type, field] = key.split('.') as [string, string];
    const typeResolvers = { ...((guarded[type] as Record<string, unknown> | undefined) ?? {}) };
    if (field === '__resolveReference') {
      const original = (typeResolvers.__resolveReference as ((ref: unknown, ctx: { actor: Actor }, info: unknown) => unknown) | undefined) ?? ((ref: unknown) => ref);
      typeResolvers.__resolveReference = (ref: unknown, ctx: { actor: Actor }, info: unknown) => {
        checkRequirement(ctx.actor, requirement, type);
        return original(ref, ctx, info);
      };
    } else {
      const original = (typeResolvers[field] as GraphQLFieldResolver<unknown, { actor: Actor }> | undefined) ?? defaultFieldResolver;
      typeResolvers[field] = ((parent, args, ctx, info) => {
        checkRequirement(ctx.actor, requirement, `${type}.${field}`);
        return original(parent, args, ctx, info);
      }) satisfies GraphQLFieldResolver<unknown, { actor: Actor }>;
    }
    guarded[type] = typeResolvers;
  }
  return guarded as R;
}
