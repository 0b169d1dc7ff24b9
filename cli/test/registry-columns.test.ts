import { describe, expect, it } from 'vitest';
import { ENTITIES, exportColumns, toInputRow, unknownColumns } from '../src/registry-columns.js';

describe('registry columns', () => {
  it('turns CSV cells into importRegistry rows, leaving out empty optional cells', () => {
    expect(toInputRow(ENTITIES.communes, { code: 'COM-1', name: 'Comuna', kind: 'MIXED', councilCodes: 'CC-1; CC-2', foundedOn: '2023-05-01', registeredOn: '', latitude: '10.5', longitude: '-69' })).toEqual({
      code: 'COM-1', name: 'Comuna', kind: 'MIXED', councilCodes: ['CC-1', 'CC-2'], foundedOn: '2023-05-01', latitude: 10.5, longitude: -69,
    });
  });

  it('takes JSON values as they are (numbers, lists)', () => {
    expect(toInputRow(ENTITIES.communalCities, { code: 'CIU-1', name: 'Ciudad', communeCodes: ['COM-1', 'COM-2'], foundedOn: '2024-01-01' })).toMatchObject({ communeCodes: ['COM-1', 'COM-2'] });
    expect(toInputRow(ENTITIES.councils, { code: 'CC-1', name: 'Consejo', parishCode: 'p', setting: 'RURAL', families: 40, population: 100, registeredOn: '2024-01-01' })).toMatchObject({ families: 40 });
  });

  it('says everything wrong with a row at once', () => {
    expect(() => toInputRow(ENTITIES.councils, { code: 'CC-1', setting: 'CITY', families: '12.5', population: '100', registeredOn: '2024-13-45' })).toThrow(
      'name is required; parishCode is required; setting must be one of URBAN, RURAL, INDIGENOUS; got "CITY"; families must be a whole number; got "12.5"; registeredOn must be a date (YYYY-MM-DD); got "2024-13-45"',
    );
  });

  it('exports the import columns first, and warns only about columns neither side knows', () => {
    expect(exportColumns(ENTITIES.councils).slice(0, 3)).toEqual(['code', 'name', 'parishCode']);
    expect(unknownColumns(ENTITIES.councils, ['code', 'id', 'stateName', 'famlies'])).toEqual(['famlies']);
  });
});
