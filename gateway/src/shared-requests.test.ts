import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { SharedRequests } from './shared-requests.js';

const request = (headers: Record<string, string> = {}) => ({ method: 'POST', headers: { 'content-type': 'application/json', ...headers } }) as unknown as IncomingMessage;
const read = JSON.stringify({ query: '{ states { name } }' });
const answer = (body: string) => ({ status: 200, headers: [['content-type', 'application/json']] as [string, string][], body });
const mutationStarts = async (sharing: SharedRequests) => {
  const hooks = await sharing.plugin().requestDidStart!({} as never);
  await hooks!.executionDidStart!({ operation: { operation: 'mutation' } } as never);
};

describe('identical concurrent anonymous reads share one execution', () => {
  it('the first executes; the others wait and get its answer; afterwards the next one executes again', async () => {
    const sharing = new SharedRequests();
    const leader = request();
    expect(sharing.join(leader, read)).toBeUndefined();
    const waiting = [sharing.join(request(), read), sharing.join(request(), read)];
    expect(waiting.every((w) => w instanceof Promise)).toBe(true);
    sharing.settle(leader, answer('{"data":1}'));
    for (const w of waiting) expect(await w).toEqual(answer('{"data":1}'));
    expect(sharing.size).toBe(0);
    expect(sharing.join(request(), read)).toBeUndefined();
  });

  it('never shares between different bodies, Accept headers, callers with an identity or an idempotency key, or a body that spells mutation', () => {
    const sharing = new SharedRequests();
    expect(sharing.join(request(), read)).toBeUndefined();
    expect(sharing.join(request(), JSON.stringify({ query: '{ states { id } }' }))).toBeUndefined();
    expect(sharing.join(request({ accept: 'application/graphql-response+json' }), read)).toBeUndefined();
    expect(sharing.join(request({ authorization: 'Bearer x' }), read)).toBeUndefined();
    expect(sharing.join(request({ 'idempotency-key': 'k' }), read)).toBeUndefined();
    const write = JSON.stringify({ query: 'mutation { recordReport { id } }' });
    expect(sharing.join(request(), write)).toBeUndefined();
    expect(sharing.join(request(), write)).toBeUndefined();
  });

  it('a request that produced no answer lets its waiters execute on their own', async () => {
    const sharing = new SharedRequests();
    const leader = request();
    sharing.join(leader, read);
    const waiter = sharing.join(request(), read);
    sharing.settle(leader, undefined);
    expect(await waiter).toBeUndefined();
  });

  it('a mutation starting forgets the reads in flight: a read sent after it executes on its own', async () => {
    const sharing = new SharedRequests();
    const leader = request();
    sharing.join(leader, read);
    const before = sharing.join(request(), read);
    await mutationStarts(sharing);
    const after = request();
    expect(sharing.join(after, read)).toBeUndefined();
    sharing.settle(leader, answer('old'));
    expect(await before).toEqual(answer('old'));
    const late = sharing.join(request(), read);
    sharing.settle(after, answer('new'));
    expect(await late).toEqual(answer('new'));
  });
});
