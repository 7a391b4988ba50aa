import { creditCodeCheckChar, isValidCreditCode } from './credit-code';
import {
  isValidAreaCode,
  isValidPatentNumber,
  isValidRegistrationNumber,
  normalizeMobileCN,
  normalizePatentNumber,
  PATENT_NUMBER_EXAMPLE,
  patentCheckDigit,
} from './identifiers';

describe('unified social credit code (GB 32100-2015)', () => {
  // Real, publicly listed codes.
  it.each(['91350100M000100Y43', '12100000466006770Q', '91110000100006485K'])('accepts %s', (code) => {
    expect(isValidCreditCode(code)).toBe(true);
  });
  it('accepts lower case', () => expect(isValidCreditCode('91350100m000100y43')).toBe(true));
  it('rejects a wrong check character', () => expect(isValidCreditCode('91350100M000100Y4A')).toBe(false));
  it('rejects forbidden letters and wrong length', () => {
    expect(isValidCreditCode('9132000013478961IR')).toBe(false);
    expect(isValidCreditCode('9132000013478961')).toBe(false);
    expect(isValidCreditCode(12345)).toBe(false);
  });
  it('computes check characters', () => expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3'));
});

describe('area codes (GB/T 2260)', () => {
  it('accepts Qixia and rejects nonsense', () => {
    expect(isValidAreaCode('320113')).toBe(true);
    expect(isValidAreaCode('990113')).toBe(false);
    expect(isValidAreaCode('32011')).toBe(false);
  });
});

describe('mobile numbers', () => {
  it('normalizes +86 and separators', () => {
    expect(normalizeMobileCN('+86 138-1234-5678')).toBe('13812345678');
    expect(normalizeMobileCN('12812345678')).toBeNull();
  });
});

describe('patent numbers', () => {
  it('validates 12-digit application numbers by check digit', () => {
    const check = patentCheckDigit('202310123456');
    expect(normalizePatentNumber(`CN202310123456.${check}`)).toBe(`CN202310123456.${check}`);
    expect(normalizePatentNumber(`ZL 202310123456.${check}`)).toBe(`CN202310123456.${check}`);
    const wrong = check === '0' ? '1' : '0';
    expect(normalizePatentNumber(`CN202310123456.${wrong}`)).toBeNull();
  });
  it('computes the mod-11 check digit, 10 written as X', () => {
    // 0*2+1*3+2*4+3*5+4*6+5*7+6*8+7*9 = 196; 196 mod 11 = 9
    expect(patentCheckDigit('01234567')).toBe('9');
    // 2*2 + 4*5 + 1*6 + 7*5 = 65; 65 mod 11 = 10, written X
    expect(patentCheckDigit('200410000007')).toBe('X');
    expect(normalizePatentNumber('CN200410000007.X')).toBe('CN200410000007.X');
    // 2*2 + 4*5 + 1*6 + 1*5 = 35; 35 mod 11 = 2
    expect(patentCheckDigit('200410000001')).toBe('2');
  });
  it('rejects unknown type digits', () => expect(normalizePatentNumber('CN202350123456.1')).toBeNull());
  it('accepts publication numbers', () => expect(normalizePatentNumber('cn115123456a')).toBe('CN115123456A'));

  it('passes the example every form and message shows (the old placeholder CN202310123456.7 did not: its check digit is 6)', () => {
    expect(PATENT_NUMBER_EXAMPLE).toBe('CN202310123456.6');
    expect(isValidPatentNumber(PATENT_NUMBER_EXAMPLE)).toBe(true);
    expect(isValidPatentNumber('CN202310123456.7')).toBe(false);
  });

  it('refuses what registration used to accept: CN202110123456.X (the check digit is 7)', () => {
    expect(patentCheckDigit('202110123456')).toBe('7');
    expect(isValidPatentNumber('CN202110123456.X')).toBe(false);
    expect(isValidPatentNumber('CN202110123456.7')).toBe(true);
  });

  it.each([
    ['CN202310123456.6', 'CN202310123456.6'],
    ['202310123456.6', 'CN202310123456.6'],
    ['2023101234566', 'CN202310123456.6'],
    ['ZL202310123456.6', 'CN202310123456.6'],
    ['zl 2023 1012 3456.6', 'CN202310123456.6'],
    ['ＣＮ２０２３１０１２３４５６．６', 'CN202310123456.6'],
    // The seeded demo patents and the import template's example.
    ['CN202110456781.5', 'CN202110456781.5'],
    ['CN202220987654.8', 'CN202220987654.8'],
    ['CN202310000001.5', 'CN202310000001.5'],
    // Before October 2003: 8 digits (year, type, serial) and the check digit, weights 2–9.
    ['CN98112345.7', 'CN98112345.7'],
    ['ZL98112345.7', 'CN98112345.7'],
    // Publication and grant numbers: CN, 7 to 9 digits, a kind code.
    ['CN1234567A', 'CN1234567A'],
    ['CN115123456B', 'CN115123456B'],
    ['CN218123456U', 'CN218123456U'],
  ])('accepts %s as %s', (text, canonical) => expect(normalizePatentNumber(text)).toBe(canonical));

  it.each([
    'CN202310123456',
    'CN202310123456.',
    'CN20231012345.6',
    'CN98112345.0',
    'CN98412345.8', // type digit 4 does not exist
    'CN202370123456.9', // nor here
    'CN123456A',
    'CN1234567890A',
    'CN115123456Z',
    'US202310123456.6',
    '',
    'CN202310123456.6.6',
  ])('refuses %s', (text) => expect(normalizePatentNumber(text)).toBeNull());
});

describe('isValidRegistrationNumber (认定登记 number; API and web both use this one)', () => {
  it('takes 16 digits: a year 2000–2099, a real area code, a serial', () => {
    expect(isValidRegistrationNumber('2026320113000042')).toBe(true);
    expect(isValidRegistrationNumber('202632011300004')).toBe(false);
    expect(isValidRegistrationNumber('20263201130000420')).toBe(false);
    expect(isValidRegistrationNumber('1999320113000042')).toBe(false);
    expect(isValidRegistrationNumber('2026990113000042')).toBe(false);
    expect(isValidRegistrationNumber('2026-320113-0042')).toBe(false);
    expect(isValidRegistrationNumber(2026320113000042)).toBe(false);
  });
});
