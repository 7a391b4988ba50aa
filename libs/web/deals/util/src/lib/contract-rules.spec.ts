import { ContractType, RegistrationField } from '@xkx/contracts';
import {
  asksInvestment,
  contractTypeGroups,
  controlPathOf,
  registrationFieldsFor,
  registrationTargets,
} from './contract-rules';

const type = (code: string, parentCode: string | null, extra: Partial<ContractType> = {}): ContractType => ({
  code,
  parentCode,
  nameZh: code,
  nameEn: code,
  asksInvestment: false,
  sort: 0,
  active: true,
  ...extra,
});

describe('contract types as data', () => {
  const types = [
    type('TRANSFER', null, { asksInvestment: true, sort: 2 }),
    type('TRANSFER.PATENT', 'TRANSFER', { sort: 1 }),
    type('TRANSFER.PLANT_VARIETY', 'TRANSFER', { sort: 2, active: false }),
    type('DEVELOPMENT', null, { sort: 1 }),
    type('DEVELOPMENT.COMMISSIONED', 'DEVELOPMENT'),
    type('CONSULTING', null, { sort: 3 }),
    type('RETIRED', null, { sort: 4, active: false }),
  ];

  it('groups active subtypes under their active parents, in order', () => {
    expect(contractTypeGroups(types).map((g) => [g.type.code, g.subtypes.map((s) => s.code)])).toEqual([
      ['DEVELOPMENT', ['DEVELOPMENT.COMMISSIONED']],
      ['TRANSFER', ['TRANSFER.PATENT']],
      ['CONSULTING', []],
    ]);
  });

  it('inherits "asks for investment and output" from the parent', () => {
    expect(asksInvestment('TRANSFER.PATENT', types)).toBe(true);
    expect(asksInvestment('DEVELOPMENT.COMMISSIONED', types)).toBe(false);
    expect(asksInvestment('UNKNOWN', types)).toBe(false);
  });
});

describe('registration', () => {
  it('offers the moves the API allows, and editing in place before a decision', () => {
    expect(registrationTargets('NOT_SUBMITTED')).toEqual(['NOT_SUBMITTED', 'SUBMITTED']);
    expect(registrationTargets('SUBMITTED')).toEqual(['SUBMITTED', 'REGISTERED', 'REFUSED', 'NOT_SUBMITTED']);
    expect(registrationTargets('REFUSED')).toEqual(['SUBMITTED']);
    expect(registrationTargets('REGISTERED')).toEqual([]);
  });

  it('picks the configured fields of a type by code or prefix', () => {
    const field = (key: string, contractTypes: string[], active = true): RegistrationField => ({
      key,
      labelZh: key,
      labelEn: key,
      valueType: 'TEXT',
      required: false,
      contractTypes,
      options: [],
      sort: 0,
      active,
    });
    const fields = [
      field('all', []),
      field('transfer', ['TRANSFER']),
      field('patent', ['LICENSE.PATENT']),
      field('off', [], false),
    ];
    expect(registrationFieldsFor(fields, 'TRANSFER.PATENT').map((f) => f.key)).toEqual(['all', 'transfer']);
    expect(registrationFieldsFor(fields, 'LICENSE.PATENT').map((f) => f.key)).toEqual(['all', 'patent']);
    expect(registrationFieldsFor(fields, 'TRANSFERX').map((f) => f.key)).toEqual(['all']);
  });
});

describe('API fields to form controls', () => {
  it('drops the Fen suffix of amounts the form takes in 元', () => {
    expect(controlPathOf('contractAmountFen')).toBe('contractAmount');
    expect(controlPathOf('schedule.1.amountFen')).toBe('schedule.1.amount');
    expect(controlPathOf('seller.creditCode')).toBe('seller.creditCode');
    expect(controlPathOf('extra.technicalField')).toBe('extra.technicalField');
  });
});
