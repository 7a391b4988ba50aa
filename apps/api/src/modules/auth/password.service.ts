import { Injectable } from '@nestjs/common';
import { Algorithm, hash, verify } from '@node-rs/argon2';
import { PASSWORD_MIN_LENGTH } from '@xkx/contracts';
import { DomainException } from '../../common/exceptions/domain.exception';
import { PasswordOwner, passwordProblem } from './password-policy';

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane.
const OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 };

@Injectable()
export class PasswordService {
  /** A real hash to verify against when the account does not exist, so both answers take as long. */
  private dummyHash: Promise<string> | undefined;

  hash(password: string): Promise<string> {
    return hash(password, OPTIONS);
  }

  async verify(hashed: string | null, password: string): Promise<boolean> {
    const target = hashed ?? (await (this.dummyHash ??= hash('xkx-timing-equaliser', OPTIONS)));
    try {
      const ok = await verify(target, password);
      return hashed !== null && ok;
    } catch {
      return false;
    }
  }

  /**
   * Length, the common-password lists, the person's own e-mail and name, and zxcvbn's guessability
   * score (see password-policy.ts); the field name goes into the 400.
   */
  assertAcceptable(password: string, field: string, owner: PasswordOwner = {}): void {
    const problem = passwordProblem(password, owner);
    if (problem === null) return;
    throw DomainException.validation([{ field, constraint: problem, args: problem === 'minLength' ? [PASSWORD_MIN_LENGTH] : [] }]);
  }
}
