import { badInput, conflict, notFound, parseGlobalId, performWrite, scopedPolicy } from '@comuna/subgraph-kit';
import type { GovernanceContext } from '../context.js';
import { Spokesperson } from '../entities/index.js';
import type { MutationLinkSpokespersonIdentityArgs } from '../generated/resolvers-types.js';

/** Linking a login to a person gives that login the person's mandates: a registry act, not a body's own. */
const registryPolicy = scopedPolicy('registry:write');

/** An identity provider's subject: printable, no spaces, at most 200 characters. */
function validSubject(subject: string): string {
  if (subject.length < 1 || subject.length > 200 || !/^[\x21-\x7e]+$/.test(subject)) {
    throw badInput('input.subject must be the identity provider\'s subject: 1 to 200 printable characters without spaces', { argument: 'input.subject' });
  }
  return subject;
}

/**
 * Links a spokesperson to the login (identity-provider subject) they sign in with, or unlinks them (null): from
 * then on the gateway grants that login SPOKESPERSON over the bodies of their active mandates. One login per
 * person and one person per login; the whole nation's registry is what it writes to, so only a grant over every
 * body (`*`) with registry:write may do it.
 */
export const linkSpokespersonIdentity = async (_root: unknown, { input }: MutationLinkSpokespersonIdentityArgs, ctx: GovernanceContext) => {
  const key = parseGlobalId(input.spokespersonId, 'spokesperson', 'input.spokespersonId');
  await performWrite(ctx, registryPolicy, { action: 'linkSpokespersonIdentity', bodies: ['nation:ve'], input }, async (em) => {
    const subject = input.subject == null ? null : validSubject(input.subject);
    const person = await em.findOne(Spokesperson, key);
    if (!person) throw notFound(`No spokesperson with id ${input.spokespersonId}`, { argument: 'input.spokespersonId' });
    if (subject !== null) {
      const holder = await em.findOne(Spokesperson, { subject });
      if (holder && holder.id !== key) throw conflict(`That login is already linked to spokesperson:${holder.id}; unlink it there first`, { argument: 'input.subject' });
    }
    person.subject = subject;
    await em.flush();
  });
  return (await ctx.loaders.spokesperson.clear(key).load(key))!;
};
