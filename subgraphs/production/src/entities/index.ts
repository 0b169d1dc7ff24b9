import { BodyMonths } from './body-months.js';
import { BodyState } from './body-state.js';
import { ExchangeFlow } from './exchange-flow.js';
import { PriceAgreement } from './price-agreement.js';
import { Product } from './product.js';
import { ProductionReport } from './production-report.js';
import { ProductionUnit } from './production-unit.js';
import { ReportRevision } from './report-revision.js';
import { StateOutput, StateTypeOutput, StateUnits } from './state-summaries.js';
import { UnitProduct } from './unit-product.js';

export { BodyMonths, BodyState, ExchangeFlow, PriceAgreement, Product, ProductionReport, ProductionUnit, ReportRevision, StateOutput, StateTypeOutput, StateUnits, UnitProduct };
export const entities = [Product, ProductionUnit, UnitProduct, ProductionReport, ReportRevision, PriceAgreement, ExchangeFlow, BodyState, StateOutput, StateTypeOutput, StateUnits, BodyMonths];
