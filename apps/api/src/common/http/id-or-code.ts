import { BadRequestException, Injectable, PipeTransform } from '@nestjs/common';

/** The letter a record's human code starts with: R2026-000012, N…, D…, C… (results, needs, deals, contracts). */
export type CodePrefix = 'R' | 'N' | 'D' | 'C';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CODE = /^([RNDC])(\d{4})-(\d{6})$/i;

export function isUuid(ref: string): boolean {
  return UUID.test(ref);
}

/**
 * Detail routes take a record's uuid or its code, so people can read, type and share
 * /results/R2026-000012. A code of another kind, or anything else, is a 400 as a malformed uuid was.
 * The code is upper-cased; the lookup itself is `refWhere`, inside the service's access check.
 */
@Injectable()
export class ParseIdOrCodePipe implements PipeTransform<string, string> {
  constructor(private readonly prefix: CodePrefix) {}

  transform(value: string): string {
    if (typeof value === 'string' && isUuid(value)) return value.toLowerCase();
    const code = typeof value === 'string' ? CODE.exec(value) : null;
    if (code && code[1]?.toUpperCase() === this.prefix) return value.toUpperCase();
    throw new BadRequestException(`Validation failed (uuid or code ${this.prefix}YYYY-NNNNNN is expected)`);
  }
}

/** The `where` for a value that passed `ParseIdOrCodePipe`: by id, or by the unique code column. */
export function refWhere(ref: string): { id: string } | { code: string } {
  return isUuid(ref) ? { id: ref } : { code: ref };
}
