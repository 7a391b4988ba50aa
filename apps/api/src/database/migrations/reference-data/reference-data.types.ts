// Row shapes of the reference data the seeding migrations insert. Plain strings rather than the
// app's enums: a frozen file must not change meaning when an enum gains or loses a member.

export interface TechnologyFieldRow {
  code: string;
  parentCode: string | null;
  nameZh: string;
  nameEn: string;
}

export interface ContractTypeRow {
  code: string;
  parentCode: string | null;
  nameZh: string;
  nameEn: string;
  asksInvestment: boolean;
}

export interface RegistrationFieldRow {
  key: string;
  labelZh: string;
  labelEn: string;
  valueType: string;
  required: boolean;
  contractTypes: string[];
  options: string[];
}
