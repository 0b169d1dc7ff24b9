import { parseArgs } from 'node:util';
import { mintDevToken } from '@comuna/gateway/dev-tokens';
import { parseGrants, ROLES } from '@comuna/subgraph-kit/actor';
import { UsageError, wantsHelp } from '../usage.js';

export const usage = `comuna token — a development token the local gateway accepts (refused when NODE_ENV=production)

Usage: comuna token --subject <who> --role <role> [--body <id>]... [--hours <n>]

  --subject <who>   who the token is for, as the audit trail will record it (required)
  --role <role>     ${ROLES.join(', ')} (required)
  --body <id>       a body the role covers, e.g. commune:1 (repeat; default * = every body)
  --hours <n>       validity in hours (default 8)
  --help            this help

Prints the token alone, for: export COMUNA_TOKEN=$(comuna token --subject ana --role REGISTRY_CLERK)
Signed with the development secret, or JWT_SECRET when set (as the gateway reads it).`;

export async function tokenCommand(args: string[]): Promise<number> {
  if (wantsHelp(args, usage)) return 0;
  const { values } = parseArgs({
    args,
    options: { subject: { type: 'string' }, role: { type: 'string' }, body: { type: 'string', multiple: true }, hours: { type: 'string', default: '8' } },
  });
  if (!values.subject) throw new UsageError('comuna token needs --subject <who> (see comuna token --help)');
  if (!values.role) throw new UsageError(`comuna token needs --role (${ROLES.join(', ')})`);
  if (!(ROLES as readonly string[]).includes(values.role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}; got "${values.role}"`);
  const hours = Number(values.hours);
  if (!Number.isFinite(hours) || hours <= 0 || hours > 24 * 30) throw new UsageError(`--hours must be a number of hours from 0 to 720; got "${values.hours}"`);
  if (process.env.NODE_ENV === 'production') throw new UsageError('Refused: development tokens are not for production; use your identity provider.');
  const grants = parseGrants([{ role: values.role, bodies: values.body ?? ['*'] }]);
  console.log(await mintDevToken({ subject: values.subject, grants, hours, secret: process.env.JWT_SECRET }));
  return 0;
}
