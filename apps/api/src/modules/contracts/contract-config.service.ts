import { HttpStatus, Injectable } from '@nestjs/common';
import { ErrorCode } from '@xkx/contracts';
import { isValidPatentNumber } from '@xkx/util';
import { DataSource, EntityManager } from 'typeorm';
import { DomainException, FieldIssue } from '../../common/exceptions/domain.exception';
import { ContractTypeDto, RegistrationFieldDto } from './dto/contract-response.dto';
import { UpsertContractTypeDto, UpsertRegistrationFieldDto } from './dto/contract-write.dto';
import { ContractTypeEntity, RegistrationFieldEntity } from './entities/contract-type.entity';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Contract types and registration fields as data: listed for forms, edited by administrators. */
@Injectable()
export class ContractConfigService {
  constructor(private readonly dataSource: DataSource) {}

  async types(includeInactive = false): Promise<ContractTypeDto[]> {
    const rows = await this.dataSource.manager.find(ContractTypeEntity, { where: includeInactive ? {} : { active: true }, order: { sort: 'ASC', code: 'ASC' } });
    return rows.map((t) => this.typeDto(t));
  }

  async upsertType(code: string, dto: UpsertContractTypeDto): Promise<ContractTypeDto> {
    return this.dataSource.transaction(async (manager) => {
      if (dto.parentCode && !(await manager.existsBy(ContractTypeEntity, { code: dto.parentCode }))) {
        throw new DomainException(ErrorCode.CONTRACT_TYPE_NOT_FOUND, HttpStatus.BAD_REQUEST, [{ field: 'parentCode', constraint: 'unknownContractType', args: [dto.parentCode] }]);
      }
      const existing = await manager.findOneBy(ContractTypeEntity, { code });
      const entity = Object.assign(existing ?? manager.create(ContractTypeEntity, { code, sort: 1000, active: true, asksInvestment: false }), {
        parentCode: dto.parentCode === undefined ? (existing?.parentCode ?? null) : dto.parentCode,
        nameZh: dto.nameZh,
        nameEn: dto.nameEn,
        ...(dto.asksInvestment !== undefined ? { asksInvestment: dto.asksInvestment } : {}),
        ...(dto.sort !== undefined ? { sort: dto.sort } : {}),
        ...(dto.active !== undefined ? { active: dto.active } : {}),
      });
      return this.typeDto(await manager.save(entity));
    });
  }

  async fields(includeInactive = false): Promise<RegistrationFieldDto[]> {
    const rows = await this.dataSource.manager.find(RegistrationFieldEntity, { where: includeInactive ? {} : { active: true }, order: { sort: 'ASC', key: 'ASC' } });
    return rows.map((f) => this.fieldDto(f));
  }

  async upsertField(key: string, dto: UpsertRegistrationFieldDto): Promise<RegistrationFieldDto> {
    return this.dataSource.transaction(async (manager) => {
      const existing = await manager.findOneBy(RegistrationFieldEntity, { key });
      const entity = Object.assign(existing ?? manager.create(RegistrationFieldEntity, { key, sort: 1000, active: true, required: false, contractTypes: [], options: [] }), {
        labelZh: dto.labelZh,
        labelEn: dto.labelEn,
        valueType: dto.valueType,
        ...(dto.required !== undefined ? { required: dto.required } : {}),
        ...(dto.contractTypes !== undefined ? { contractTypes: dto.contractTypes } : {}),
        ...(dto.options !== undefined ? { options: dto.options } : {}),
        ...(dto.sort !== undefined ? { sort: dto.sort } : {}),
        ...(dto.active !== undefined ? { active: dto.active } : {}),
      });
      return this.fieldDto(await manager.save(entity));
    });
  }

  /** An active type that has no active subtypes (a type with subtypes is chosen by a subtype). */
  async assertSelectableType(manager: EntityManager, code: string): Promise<ContractTypeEntity> {
    const type = await manager.findOneBy(ContractTypeEntity, { code, active: true });
    if (!type) throw DomainException.validation([{ field: 'typeCode', constraint: 'unknownContractType', args: [code] }]);
    if (await manager.existsBy(ContractTypeEntity, { parentCode: code, active: true })) throw DomainException.validation([{ field: 'typeCode', constraint: 'contractSubtypeRequired', args: [] }]);
    return type;
  }

  /** asks_investment of the type or of its parent. */
  async asksInvestment(manager: EntityManager, code: string): Promise<boolean> {
    const type = await manager.findOneBy(ContractTypeEntity, { code });
    if (!type) return false;
    if (type.asksInvestment || !type.parentCode) return type.asksInvestment;
    return (await manager.findOneBy(ContractTypeEntity, { code: type.parentCode }))?.asksInvestment ?? false;
  }

  /**
   * Checks the registration form's configured fields for a contract type: unknown keys and wrong
   * types always; missing required ones when `complete` (on submission).
   */
  async extraIssues(manager: EntityManager, typeCode: string, extra: Record<string, unknown>, complete: boolean): Promise<FieldIssue[]> {
    const fields = (await manager.find(RegistrationFieldEntity, { where: { active: true } })).filter(
      (f) => f.contractTypes.length === 0 || f.contractTypes.some((t) => typeCode === t || typeCode.startsWith(`${t}.`)),
    );
    const issues: FieldIssue[] = [];
    for (const key of Object.keys(extra)) {
      if (!fields.some((f) => f.key === key)) issues.push({ field: `extra.${key}`, constraint: 'unknownRegistrationField', args: [] });
    }
    for (const f of fields) {
      const value = extra[f.key];
      if (value === undefined || value === null || value === '') {
        if (complete && f.required) issues.push({ field: `extra.${f.key}`, constraint: 'isDefined', args: [] });
        continue;
      }
      const ok = ((): boolean => {
        switch (f.valueType) {
          case 'TEXT': return typeof value === 'string' && value.length <= 2000;
          case 'CHOICE': return typeof value === 'string' && f.options.includes(value);
          case 'FEN': return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
          case 'INTEGER': return typeof value === 'number' && Number.isSafeInteger(value);
          case 'DATE': return typeof value === 'string' && DATE.test(value);
          case 'BOOLEAN': return typeof value === 'boolean';
          case 'PATENT': return isValidPatentNumber(value);
        }
      })();
      if (!ok) issues.push(issueFor(f, `extra.${f.key}`));
    }
    return issues;
  }

  private typeDto(t: ContractTypeEntity): ContractTypeDto {
    return { code: t.code, parentCode: t.parentCode, nameZh: t.nameZh, nameEn: t.nameEn, asksInvestment: t.asksInvestment, sort: t.sort, active: t.active };
  }

  private fieldDto(f: RegistrationFieldEntity): RegistrationFieldDto {
    return { key: f.key, labelZh: f.labelZh, labelEn: f.labelEn, valueType: f.valueType, required: f.required, contractTypes: f.contractTypes, options: f.options, sort: f.sort, active: f.active };
  }
}

/** The field message for a refused registration value: the choices, the patent format, or the expected type. */
function issueFor(f: RegistrationFieldEntity, field: string): FieldIssue {
  if (f.valueType === 'CHOICE') return { field, constraint: 'isIn', args: [f.options] };
  if (f.valueType === 'PATENT') return { field, constraint: 'isPatentNumber', args: [] };
  return { field, constraint: 'registrationFieldType', args: [f.valueType] };
}
