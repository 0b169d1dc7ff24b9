import { fromJson, toInt } from '@comuna/subgraph-kit';
import type { AgreementRow, FlowRow, ProductRow, ReportRow, RevisionRow, UnitRow } from './rows.js';
import type { MeasureUnit } from './units.js';

/**
 * How each kind of row is read: its table, the columns (aliased to the row's field names) and the mapping that
 * normalises driver differences (PostgreSQL returns bigints as strings, SQLite booleans as 0/1).
 */
type Raw = Record<string, unknown>;

const provenance = (raw: Raw) => ({ syntheticFields: fromJson<string[]>(raw.syntheticFields), sources: fromJson<string[]>(raw.sources) });
const big = (value: unknown): bigint => BigInt((value as string | number | bigint | null) ?? 0);
const nullableInt = (value: unknown) => (value === null || value === undefined ? null : toInt(value));
const PROVENANCE = 'synthetic_fields as "syntheticFields", sources';

/** Product columns, optionally qualified by a table alias for joins. */
export const productColumns = (a = '') =>
  `${a}id as id, ${a}code as code, ${a}name as name, ${a}unit as unit, ${a}food as food, ${a}monthly_need_per_person as "monthlyNeedPerPerson", ${a}synthetic_fields as "syntheticFields", ${a}sources as sources`;

export const productTable = {
  table: 'product',
  columns: productColumns(),
  map: (raw: Raw): ProductRow => ({
    id: toInt(raw.id),
    code: String(raw.code),
    name: String(raw.name),
    unit: raw.unit as MeasureUnit,
    food: raw.food === true || raw.food === 1 || raw.food === '1',
    monthlyNeedPerPerson: raw.monthlyNeedPerPerson === null || raw.monthlyNeedPerPerson === undefined ? null : big(raw.monthlyNeedPerPerson),
    ...provenance(raw),
  }),
};

export const unitTable = {
  table: 'production_unit',
  columns: `id, code, name, type, sector, owner_id as "ownerId", workers, founded_on as "foundedOn", status, ${PROVENANCE}`,
  map: (raw: Raw): UnitRow => ({
    id: toInt(raw.id),
    code: String(raw.code),
    name: String(raw.name),
    type: raw.type as UnitRow['type'],
    sector: raw.sector as UnitRow['sector'],
    ownerId: String(raw.ownerId),
    workers: toInt(raw.workers),
    foundedOn: String(raw.foundedOn),
    status: raw.status as UnitRow['status'],
    ...provenance(raw),
  }),
};

export const reportTable = {
  table: 'production_report',
  columns: `id, unit_id as "unitId", product_id as "productId", month, quantity, revision, ${PROVENANCE}`,
  map: (raw: Raw): ReportRow => ({
    id: toInt(raw.id),
    unitId: toInt(raw.unitId),
    productId: toInt(raw.productId),
    month: String(raw.month),
    quantity: big(raw.quantity),
    revision: toInt(raw.revision),
    ...provenance(raw),
  }),
};

export const revisionTable = {
  table: 'report_revision',
  columns: 'rv.report_id as "reportId", rv.revision as revision, rv.quantity as quantity, rv.reason as reason, rv.recorded_at as "recordedAt", p.unit as unit',
  from: 'report_revision rv join production_report r on r.id = rv.report_id join product p on p.id = r.product_id',
  map: (raw: Raw): RevisionRow => ({
    reportId: toInt(raw.reportId),
    revision: toInt(raw.revision),
    quantity: big(raw.quantity),
    reason: (raw.reason as string | null) ?? null,
    recordedAt: String(raw.recordedAt),
    unit: raw.unit as MeasureUnit,
  }),
};

export const flowTable = {
  table: 'exchange_flow',
  columns: `id, product_id as "productId", quantity, from_unit_id as "fromUnitId", from_body_id as "fromBodyId", to_body_id as "toBodyId", destination, households, price_per_unit as "pricePerUnit", currency, date, price_agreement_id as "priceAgreementId", ${PROVENANCE}`,
  map: (raw: Raw): FlowRow => ({
    id: toInt(raw.id),
    productId: toInt(raw.productId),
    quantity: big(raw.quantity),
    fromUnitId: nullableInt(raw.fromUnitId),
    fromBodyId: String(raw.fromBodyId),
    toBodyId: String(raw.toBodyId),
    destination: raw.destination as FlowRow['destination'],
    households: nullableInt(raw.households),
    pricePerUnit: big(raw.pricePerUnit),
    currency: String(raw.currency),
    date: String(raw.date),
    priceAgreementId: nullableInt(raw.priceAgreementId),
    ...provenance(raw),
  }),
};

export const agreementTable = {
  table: 'price_agreement',
  columns: `id, product_id as "productId", body_id as "bodyId", council_name as "councilName", unit_cost as "unitCost", price, currency, valid_from as "validFrom", valid_to as "validTo", basis, ${PROVENANCE}`,
  map: (raw: Raw): AgreementRow => ({
    id: toInt(raw.id),
    productId: toInt(raw.productId),
    bodyId: String(raw.bodyId),
    councilName: String(raw.councilName),
    unitCost: big(raw.unitCost),
    price: big(raw.price),
    currency: String(raw.currency),
    validFrom: String(raw.validFrom),
    validTo: (raw.validTo as string | null) ?? null,
    basis: String(raw.basis),
    ...provenance(raw),
  }),
};
