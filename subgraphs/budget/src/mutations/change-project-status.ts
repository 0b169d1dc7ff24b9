import { badInput, conflict, notFound, parseGlobalId, performWrite, trackedUpdate } from '@comuna/subgraph-kit';
import type { BudgetContext } from '../context.js';
import { Project, ProjectStatusChange } from '../entities/index.js';
import type { ProjectStatus } from '../entities/project.js';
import type { MutationChangeProjectStatusArgs } from '../generated/resolvers-types.js';
import { pastDate, validText } from './validate.js';

/** The life of a project: forward one step at a time; anything unfinished may be abandoned. */
export const PROJECT_TRANSITIONS: Record<ProjectStatus, ProjectStatus[]> = {
  PROPOSED: ['APPROVED', 'ABANDONED'],
  APPROVED: ['IN_EXECUTION', 'ABANDONED'],
  IN_EXECUTION: ['DONE', 'ABANDONED'],
  DONE: [],
  ABANDONED: [],
};

/** Moves a project along its life, appending to its history; approval dates the commitment. */
export const changeProjectStatus = async (_root: unknown, { input }: MutationChangeProjectStatusArgs, ctx: BudgetContext) => {
  const key = parseGlobalId(input.projectId, 'project', 'input.projectId');
  // The body is needed before the write, to authorize it.
  const before = await ctx.loaders.project.load(key);
  if (!before) throw notFound(`No project with id ${input.projectId}`, { argument: 'input.projectId' });
  await performWrite(ctx, ctx.policy, { action: 'changeProjectStatus', bodies: [before.bodyId], input }, async (em) => {
    const effectiveOn = pastDate(input.effectiveOn, 'input.effectiveOn');
    const reason = validText(input.reason, 'input.reason', 3, 500);
    const [project] = await em.execute('select status from project where id = ?', [key]);
    const from = project!.status as ProjectStatus;
    const allowed = PROJECT_TRANSITIONS[from];
    if (!allowed.includes(input.status)) {
      throw conflict(`${input.projectId} is ${from}; it can move to ${allowed.length ? allowed.join(' or ') : 'no other status'}, not ${input.status}`, { argument: 'input.status' });
    }
    const [last] = await em.execute('select max(effective_on) as d from project_status_change where project_id = ?', [key]);
    if (last?.d && effectiveOn < String(last.d)) {
      throw badInput(`input.effectiveOn ${effectiveOn} is before the project's last change (${String(last.d)})`, { argument: 'input.effectiveOn' });
    }
    await trackedUpdate(em, Project, [key], () =>
      input.status === 'APPROVED'
        ? em.execute('update project set status = ?, approved_on = ? where id = ?', [input.status, effectiveOn, key])
        : em.execute('update project set status = ? where id = ?', [input.status, key]),
    );
    em.create(ProjectStatusChange, { project: key, status: input.status, previousStatus: from, effectiveOn, reason });
    await em.flush();
    return key;
  });
  // Apollo hands resolvers a shallow copy of the context, so the gate's loader reset does not reach this copy's
  // cache, which still holds the project as read before the write.
  return (await ctx.loaders.project.clear(key).load(key))!;
};
