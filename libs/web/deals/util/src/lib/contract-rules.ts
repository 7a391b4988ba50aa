import {
  ContractType,
  LegalPersonType,
  OrganizationKind,
  REGISTRATION_MOVES,
  RegistrationField,
  RegistrationStatus,
} from '@xkx/contracts';

/** One group of the type picker: a top-level type and, if it has any, its subtypes to choose from. */
export interface ContractTypeGroup {
  type: ContractType;
  /** Empty: the type itself is chosen. */
  subtypes: ContractType[];
}

/**
 * The type picker from the configured types (data, not code): active top-level types in their order,
 * each with its active subtypes; a type with subtypes is chosen by a subtype, as the API requires.
 */
export function contractTypeGroups(types: readonly ContractType[]): ContractTypeGroup[] {
  const active = types.filter((t) => t.active);
  const bySort = (a: ContractType, b: ContractType): number =>
    a.sort - b.sort || a.code.localeCompare(b.code);
  return active
    .filter((t) => t.parentCode === null || !active.some((p) => p.code === t.parentCode))
    .sort(bySort)
    .map((type) => ({ type, subtypes: active.filter((t) => t.parentCode === type.code).sort(bySort) }));
}

/** Whether a type asks for the expected new investment and output (its own flag or its parent's). */
export function asksInvestment(code: string | null | undefined, types: readonly ContractType[]): boolean {
  const type = types.find((t) => t.code === code);
  if (!type) return false;
  if (type.asksInvestment || !type.parentCode) return type.asksInvestment;
  return types.find((t) => t.code === type.parentCode)?.asksInvestment ?? false;
}

/** The configured registration fields that apply to a contract type (a listed code or its prefix). */
export function registrationFieldsFor(
  fields: readonly RegistrationField[],
  typeCode: string,
): RegistrationField[] {
  return fields
    .filter((f) => f.active)
    .filter(
      (f) =>
        f.contractTypes.length === 0 ||
        f.contractTypes.some((t) => typeCode === t || typeCode.startsWith(`${t}.`)),
    )
    .sort((a, b) => a.sort - b.sort || a.key.localeCompare(b.key));
}

/**
 * The statuses the registration form offers from the current one: the API's moves, plus the current
 * status itself while it may still be edited in place (not submitted, submitted).
 */
export function registrationTargets(from: RegistrationStatus): RegistrationStatus[] {
  const inPlace = from === 'NOT_SUBMITTED' || from === 'SUBMITTED' ? [from] : [];
  return [...inPlace, ...REGISTRATION_MOVES[from]];
}

/** 主体性质 of an organization, as the API fills a party from a deal's organization. */
export const LEGAL_PERSON_BY_KIND: Readonly<Record<OrganizationKind, LegalPersonType>> = {
  UNIVERSITY: 'UNIVERSITY',
  INSTITUTE: 'RESEARCH_INSTITUTE',
  ENTERPRISE: 'ENTERPRISE',
  AGENCY: 'OTHER_ORGANIZATION',
};

/**
 * The form control behind an API field: the forms take amounts in 元 under the name without "Fen"
 * (`contractAmountFen` → `contractAmount`, `schedule.1.amountFen` → `schedule.1.amount`).
 */
export function controlPathOf(apiField: string): string {
  return apiField
    .split('.')
    .map((segment) => segment.replace(/Fen$/, ''))
    .join('.');
}
