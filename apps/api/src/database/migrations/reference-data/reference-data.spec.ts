import { createHash } from 'node:crypto';
import { normalizeText } from '@xkx/text-zh';
import { CONTRACT_TYPES_V1, NDA_V1, REGISTRATION_FIELDS_V1 } from './contract-reference-data.v1';
import { NARROWER_SYNONYM_GROUPS_V2 } from './synonyms-narrower.v2';
import { SYNONYM_GROUPS_V1 } from './synonyms.v1';
import { TECHNOLOGY_FIELDS_V1 } from './technology-fields.v1';

const TECHNOLOGY_FIELDS = TECHNOLOGY_FIELDS_V1;
const DEFAULT_SYNONYM_GROUPS = SYNONYM_GROUPS_V1;
const EXPECTED_CHAINS = ['NE', 'BIO', 'AI', 'IME', 'ICV', 'EIC', 'NM', 'PC', 'EP'];
const fieldCodes = new Set(TECHNOLOGY_FIELDS.map((f) => f.code));
const sha256 = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex');

describe('frozen reference data', () => {
  // Each list is what a landed migration inserted. If one of these fails, the file was edited: undo
  // the edit and make the change in a new migration (with a new versioned file if it is a list).
  it.each([
    ['TECHNOLOGY_FIELDS_V1 (1795728600000-SeedTechnologyFields)', TECHNOLOGY_FIELDS_V1, '6455491c13421140a35d7737beefafa77f15d53232e33b118d4a755d4c031c52'],
    ['SYNONYM_GROUPS_V1 (1795728600100-SeedSynonyms)', SYNONYM_GROUPS_V1, 'd82df6c6dcbb8124e63bf424dbe8796f3696da079b33ce2457276de8a2fe0fb4'],
    ['NARROWER_SYNONYM_GROUPS_V2 (1796430042800-SeedNarrowerSynonyms)', NARROWER_SYNONYM_GROUPS_V2, 'b44af2fb0d7eaf6f2d2b6e0f830f91da022b397697f49079439a5e14cba95f7a'],
    ['CONTRACT_TYPES_V1 (1795730035300-SeedContractReferenceData)', CONTRACT_TYPES_V1, '35c71be99a827ef05ff13904faf34c80ebd759c3bc1a0bd27a0a8243125c90fc'],
    ['REGISTRATION_FIELDS_V1 (1795730035300-SeedContractReferenceData)', REGISTRATION_FIELDS_V1, 'ed7965da101e49c6bdf804b131ac300e170899aa8dc5f93e0f1f75916d5cf11c'],
    ['NDA_V1 (1795730035300-SeedContractReferenceData)', NDA_V1, 'f1969480cd805fe5b63dc39c54fee5e915cbdccc4082ed8957f568b19d54fd83'],
  ])('%s is unchanged', (_name, data, hash) => {
    expect(sha256(data)).toBe(hash);
  });
});

describe('technology field tree', () => {
  it('has exactly the priority chains at the top level, each with 3–6 sub-fields', () => {
    const top = TECHNOLOGY_FIELDS.filter((f) => f.parentCode === null).map((f) => f.code);
    expect(top).toEqual(EXPECTED_CHAINS);
    for (const chain of EXPECTED_CHAINS) {
      const children = TECHNOLOGY_FIELDS.filter((f) => f.parentCode === chain);
      expect(children.length).toBeGreaterThanOrEqual(3);
      expect(children.length).toBeLessThanOrEqual(6);
    }
  });

  it('has unique, well-formed codes whose parent exists, and names in both languages', () => {
    expect(fieldCodes.size).toBe(TECHNOLOGY_FIELDS.length);
    for (const field of TECHNOLOGY_FIELDS) {
      expect(field.nameZh.trim()).not.toBe('');
      expect(field.nameEn.trim()).not.toBe('');
      if (field.parentCode === null) expect(field.code).toMatch(/^[A-Z]+$/);
      else {
        expect(fieldCodes.has(field.parentCode)).toBe(true);
        expect(field.code.startsWith(`${field.parentCode}.`)).toBe(true);
        expect(field.code).toMatch(/^[A-Z]+\.[A-Z0-9]+$/);
      }
    }
  });
});

describe('default synonym groups', () => {
  it('has 40–80 groups, each with at least two distinct terms, and no term in two groups', () => {
    expect(DEFAULT_SYNONYM_GROUPS.length).toBeGreaterThanOrEqual(40);
    expect(DEFAULT_SYNONYM_GROUPS.length).toBeLessThanOrEqual(80);
    const seen = new Map<string, number>();
    const clashes: string[] = [];
    DEFAULT_SYNONYM_GROUPS.forEach((group, index) => {
      const normalized = group.map((t) => normalizeText(t));
      for (const term of normalized) {
        expect(term).not.toBe('');
        expect(term).not.toContain(' ');
      }
      expect(new Set(normalized).size).toBe(group.length);
      expect(group.length).toBeGreaterThanOrEqual(2);
      for (const term of normalized) {
        const other = seen.get(term);
        if (other !== undefined && other !== index) clashes.push(`${term} in groups ${other} and ${index}`);
        seen.set(term, index);
      }
    });
    expect(clashes).toEqual([]);
  });
});
