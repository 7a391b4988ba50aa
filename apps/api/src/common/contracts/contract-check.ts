import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * DTOs against their shared contracts (libs/shared/contracts), checked by the typecheck target.
 *
 * `class XDto implements X` proves only that the class is assignable to the interface. It accepts a DTO
 * that is never null where the contract says `| null`, a field the DTO always sends but the contract calls
 * optional, and fields the contract does not have at all (the web would never see them typed). `Exact` is
 * true only when the two types are identical: the same keys, optionality, nullability and member types,
 * all the way down through nested DTOs.
 */
export type Exact<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** `exact<DealCardDto, DealCard>(true)` compiles only when the DTO and the contract are the same shape. */
export function exact<Dto, Contract>(_same: Exact<Dto, Contract>): void {
  // type-level only
}

/**
 * Query DTOs fill defaults (`limit = 50`), so their fields are required in the class and optional on the
 * wire: compared with every field optional (keys, types and nullability still have to agree).
 */
export function exactQuery<Dto, Contract>(_same: Exact<Partial<Dto>, Partial<Contract>>): void {
  // type-level only
}

/**
 * The `implements` clauses in a module's dto folder that its contracts spec does not check with
 * `exact<Dto, Contract>` or `exactQuery<Dto, Contract>`: each DTO that implements a contract must be checked.
 */
export function uncheckedContracts(dtoDir: string, specSource: string): string[] {
  const missing: string[] = [];
  for (const file of readdirSync(dtoDir).filter((f) => f.endsWith('.dto.ts'))) {
    const source = readFileSync(join(dtoDir, file), 'utf8');
    for (const m of source.matchAll(/export class (\w+)(?: extends \w+)? implements (\w+) \{/g)) {
      const [, dto, contract] = m;
      if (!new RegExp(`exact(Query)?<${dto}, ${contract}>\\(true\\)`).test(specSource))
        missing.push(`${file}: ${dto} implements ${contract}`);
    }
  }
  return missing;
}
