import { InternalRouteError, isIsoDate, today, type InternalRoute } from '@comuna/subgraph-kit';

/**
 * `GET /internal/active-mandates?subject=…[&on=YYYY-MM-DD]` (gateway only, signed): the bodies whose organs the
 * spokesperson linked to this login holds a mandate on, in force on the day (today by default): started, term
 * not ended, never revoked. Any revocation ends it, whatever date it carries, so a recall never leaves a grant.
 */
export const activeMandates: InternalRoute = async (params, em) => {
  const subject = params.get('subject');
  if (!subject || subject.length > 200) throw new InternalRouteError(400, 'subject (1 to 200 characters) is required');
  const on = params.get('on') ?? today();
  if (!isIsoDate(on)) throw new InternalRouteError(400, 'on must be a date (YYYY-MM-DD)');
  const rows = await em.execute(
    `select distinct o.body_id as "bodyId" from spokesperson s
       join mandate m on m.spokesperson_id = s.id
       join organ o on o.id = m.organ_id
      where s.subject = ? and m.start_on <= ? and m.term_ends_on >= ? and m.revoked_on is null
      order by o.body_id`,
    [subject, on, on],
  );
  return { subject, on, bodies: rows.map((r) => String(r.bodyId)) };
};
