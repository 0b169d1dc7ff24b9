import { parseArgs } from 'node:util';
import { parseGrants } from '@comuna/subgraph-kit/actor';
import { mintDevToken } from './dev-tokens.js';

const usage = `Mints a development token for the local gateway (refused when NODE_ENV=production).

  npm run -s token -w @comuna/gateway -- --subject ana --role SPOKESPERSON --body commune:1 --body council:1

  --subject   who the token is for (required)
  --role      ADMIN, REGISTRY_CLERK, SPOKESPERSON or AUDITOR (required)
  --body      a body the role covers (repeat; default * = every body)
  --hours     validity in hours (default 8)`;

const { values } = parseArgs({
  options: {
    subject: { type: 'string' },
    role: { type: 'string' },
    body: { type: 'string', multiple: true },
    hours: { type: 'string', default: '8' },
    help: { type: 'boolean' },
  },
});
if (values.help || !values.subject || !values.role) {
  console.log(usage);
  process.exit(values.help ? 0 : 2);
}
if (process.env.NODE_ENV === 'production') {
  console.error('Refused: development tokens are not for production; use your identity provider.');
  process.exit(2);
}
const grants = parseGrants([{ role: values.role, bodies: values.body ?? ['*'] }]);
console.log(await mintDevToken({ subject: values.subject, grants, hours: Number(values.hours), secret: process.env.JWT_SECRET }));
