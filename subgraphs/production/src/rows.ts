import type { MeasureUnit } from './units.js';

/** Rows the resolvers pass around: plain objects read by SQL, never hydrated entities (see tables.ts). */
export interface ProvenanceRow {
  syntheticFields: string[];
  sources: string[];
}

export interface ProductRow extends ProvenanceRow {
  id: number;
  code: string;
  name: string;
  unit: MeasureUnit;
  food: boolean;
  monthlyNeedPerPerson: bigint | null;
}

export type UnitType = 'DIRECT_COMMUNAL' | 'INDIRECT_COMMUNAL' | 'FAMILY' | 'SOCIAL_EXCHANGE_GROUP';

export interface UnitRow extends ProvenanceRow {
  id: number;
  code: string;
  name: string;
  type: UnitType;
  sector: 'AGRICULTURE' | 'LIVESTOCK' | 'FOOD_PROCESSING' | 'MANUFACTURING' | 'DISTRIBUTION' | 'RECYCLING' | 'SERVICES';
  ownerId: string;
  workers: number;
  foundedOn: string;
  status: 'ACTIVE' | 'PAUSED' | 'CLOSED';
}

export interface ReportRow extends ProvenanceRow {
  id: number;
  unitId: number;
  productId: number;
  month: string;
  quantity: bigint;
  revision: number;
}

export interface RevisionRow {
  reportId: number;
  revision: number;
  quantity: bigint;
  reason: string | null;
  recordedAt: string;
  /** The product's unit, read with the revision so its quantity can be shown without another lookup. */
  unit: MeasureUnit;
}

export interface FlowRow extends ProvenanceRow {
  id: number;
  productId: number;
  quantity: bigint;
  fromUnitId: number | null;
  fromBodyId: string;
  toBodyId: string;
  destination: 'BODY' | 'HOUSEHOLDS';
  households: number | null;
  pricePerUnit: bigint;
  currency: string;
  date: string;
  priceAgreementId: number | null;
}

export interface AgreementRow extends ProvenanceRow {
  id: number;
  productId: number;
  bodyId: string;
  councilName: string;
  unitCost: bigint;
  price: bigint;
  currency: string;
  validFrom: string;
  validTo: string | null;
  basis: string;
}

/** The scope territory provides for a territory, normalised to one list of body ids (null = everything). */
/**
 * A territory as the figures see it: `bodies` null for the nation (every body), a state by `stateId` (its figures
 * come from the state summaries, its bodies from body_state), any other level by its listed bodies.
 */
export interface ScopedTerritory {
  id: string;
  bodies: string[] | null;
  stateId?: string;
}

/** A territory representation as the gateway sends it (with the fields this subgraph @requires). */
export interface TerritoryRef {
  id: string;
  scope?: { everything: boolean; councilIds: string[]; communeIds: string[]; circuitIds: string[]; stateId?: string | null };
  census?: { population: number };
  /** A dashboard level's communes' scopes as compact text (ADR 0005), when a dashboard asks for facts. */
  dashboardScopes?: string | null;
}

export interface PeriodRow {
  from: string;
  to: string;
}

/** The roll-ups of one territory and period; each field is answered by a batched aggregate when asked for. */
export interface FiguresRow {
  territory: ScopedTerritory;
  period: PeriodRow;
}

export interface ProductAmountRow {
  productId: number;
  quantity: bigint;
  reports: number;
}

export interface UnitTypeRow {
  territory: ScopedTerritory;
  period: PeriodRow;
  type: UnitType;
  activeUnits: number;
  workers: number;
}

export interface ProductExchangeRow {
  productId: number;
  inflow: bigint;
  outflow: bigint;
}

export interface CurrencyExchangeRow {
  currency: string;
  inflow: bigint;
  outflow: bigint;
}

export interface SufficiencyRow {
  productId: number;
  output: bigint;
  need: bigint;
}

/**
 * A row naming a product, with the product attached before the list is returned: its fields then resolve without
 * a promise each (hundreds of rows per national answer, where a promise per field cost more than the rows' SQL).
 */
export type WithProduct<R> = R & { product: ProductRow };
export type ProductOutputRow = WithProduct<ProductAmountRow>;
export type ProductExchangeOutputRow = WithProduct<ProductExchangeRow>;
export type SufficiencyOutputRow = WithProduct<SufficiencyRow>;
