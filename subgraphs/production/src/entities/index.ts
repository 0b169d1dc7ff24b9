import { ExchangeFlow } from './exchange-flow.js';
import { PriceAgreement } from './price-agreement.js';
import { Product } from './product.js';
import { ProductionReport } from './production-report.js';
import { ProductionUnit } from './production-unit.js';
import { ReportRevision } from './report-revision.js';
import { UnitProduct } from './unit-product.js';

export { ExchangeFlow, PriceAgreement, Product, ProductionReport, ProductionUnit, ReportRevision, UnitProduct };
export const entities = [Product, ProductionUnit, UnitProduct, ProductionReport, ReportRevision, PriceAgreement, ExchangeFlow];
