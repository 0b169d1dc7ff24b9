// The registry files' columns, shared by export and import so that what one writes the other reads: the
// import-relevant columns carry the importRegistry input fields; the others (ids, names of places, figures) are
// read-only context for people and are ignored on import.

export type EntityName = 'councils' | 'communes' | 'communalCities';

type ColumnType = 'string' | 'int' | 'float' | 'date' | 'codes' | readonly string[];

export interface Column {
  name: string;
  type: ColumnType;
  required?: boolean;
}

export interface EntitySpec {
  /** The importRegistry list and the BodyType of its rejections. */
  name: EntityName;
  bodyType: 'COMMUNAL_COUNCIL' | 'COMMUNE' | 'COMMUNAL_CITY';
  /** File name in an export folder; import recognises it. */
  file: string;
  /** Columns importRegistry takes, in file order. */
  input: Column[];
  /** Columns export adds for people; import skips them. */
  readOnly: string[];
}

const STATUS = ['IN_FORMATION', 'REGISTERED', 'ACTIVE', 'INACTIVE', 'DISSOLVED'] as const;

export const ENTITIES: Record<EntityName, EntitySpec> = {
  councils: {
    name: 'councils',
    bodyType: 'COMMUNAL_COUNCIL',
    file: 'councils.csv',
    input: [
      { name: 'code', type: 'string', required: true },
      { name: 'name', type: 'string', required: true },
      { name: 'parishCode', type: 'string', required: true },
      { name: 'setting', type: ['URBAN', 'RURAL', 'INDIGENOUS'], required: true },
      { name: 'families', type: 'int', required: true },
      { name: 'households', type: 'int' },
      { name: 'population', type: 'int', required: true },
      { name: 'registeredOn', type: 'date', required: true },
      { name: 'censusAsOf', type: 'date' },
      { name: 'status', type: STATUS },
    ],
    readOnly: ['id', 'parishName', 'stateName', 'communeCode', 'circuitCode'],
  },
  communes: {
    name: 'communes',
    bodyType: 'COMMUNE',
    file: 'communes.csv',
    input: [
      { name: 'code', type: 'string', required: true },
      { name: 'name', type: 'string', required: true },
      { name: 'kind', type: ['URBAN', 'RURAL', 'MIXED', 'INDIGENOUS'], required: true },
      { name: 'councilCodes', type: 'codes', required: true },
      { name: 'foundedOn', type: 'date', required: true },
      { name: 'registeredOn', type: 'date' },
      { name: 'status', type: STATUS },
      { name: 'formationStep', type: ['PROMOTER_COMMISSION', 'FOUNDING_CHARTER', 'REFERENDUM', 'REGISTRATION'] },
      { name: 'areaHectares', type: 'string' },
      { name: 'latitude', type: 'float' },
      { name: 'longitude', type: 'float' },
    ],
    readOnly: ['id', 'seatStateName', 'communalCityCode', 'families', 'population', 'councils'],
  },
  communalCities: {
    name: 'communalCities',
    bodyType: 'COMMUNAL_CITY',
    file: 'communal-cities.csv',
    input: [
      { name: 'code', type: 'string', required: true },
      { name: 'name', type: 'string', required: true },
      { name: 'communeCodes', type: 'codes', required: true },
      { name: 'foundedOn', type: 'date', required: true },
      { name: 'status', type: STATUS },
    ],
    readOnly: ['id', 'families', 'population', 'communes'],
  },
};

/** Order of import: later lists refer to earlier ones by code. */
export const IMPORT_ORDER: EntityName[] = ['councils', 'communes', 'communalCities'];

/** Lists of codes travel in one CSV cell, separated by semicolons (commas would need quoting in every cell). */
export const CODE_SEPARATOR = ';';

/** Reads one value of a column from a CSV cell or a JSON value; throws a message that names the column. */
function coerce(column: Column, raw: unknown): unknown {
  const { name, type } = column;
  if (Array.isArray(raw) && type === 'codes') return raw.map(String);
  const text = raw == null ? '' : String(raw).trim();
  if (text === '') {
    if (column.required) throw new Error(`${name} is required`);
    return undefined;
  }
  if (Array.isArray(type)) {
    if (!type.includes(text)) throw new Error(`${name} must be one of ${type.join(', ')}; got "${text}"`);
    return text;
  }
  switch (type) {
    case 'int':
      if (!/^-?\d+$/.test(text)) throw new Error(`${name} must be a whole number; got "${text}"`);
      return Number(text);
    case 'float':
      if (!Number.isFinite(Number(text))) throw new Error(`${name} must be a number; got "${text}"`);
      return Number(text);
    case 'date':
      if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(`${text}T00:00:00Z`))) throw new Error(`${name} must be a date (YYYY-MM-DD); got "${text}"`);
      return text;
    case 'codes':
      return text.split(CODE_SEPARATOR).map((c) => c.trim()).filter(Boolean);
    default:
      return text;
  }
}

/** Turns one row (CSV cells or a JSON object) into an importRegistry input row, or throws why it cannot. */
export function toInputRow(spec: EntitySpec, values: Record<string, unknown>): Record<string, unknown> {
  const problems: string[] = [];
  const row: Record<string, unknown> = {};
  for (const column of spec.input) {
    try {
      const value = coerce(column, values[column.name]);
      if (value !== undefined) row[column.name] = value;
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  if (problems.length) throw new Error(problems.join('; '));
  return row;
}

/** Columns of a file that import neither takes nor knowingly skips: probably a typo, worth a warning. */
export function unknownColumns(spec: EntitySpec, columns: readonly string[]): string[] {
  const known = new Set([...spec.input.map((c) => c.name), ...spec.readOnly]);
  return columns.filter((c) => !known.has(c));
}

/** The export's column order: import columns first, then the read-only context. */
export function exportColumns(spec: EntitySpec): string[] {
  return [...spec.input.map((c) => c.name), ...spec.readOnly];
}
