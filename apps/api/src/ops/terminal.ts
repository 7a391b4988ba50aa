import { ERROR_MESSAGES, formatValidationMessage } from '@xkx/contracts';
import { DomainException } from '../common/exceptions/domain.exception';

/** `--name value` pairs and bare words from argv. */
export function parseArgs(argv: string[]): { options: Map<string, string | true>; words: string[] } {
  const options = new Map<string, string | true>();
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      words.push(arg);
      continue;
    }
    const [key, inline] = arg.slice(2).split(/=(.*)/s, 2);
    const next = argv[i + 1];
    if (inline !== undefined) options.set(key, inline);
    else if (next !== undefined && !next.startsWith('--')) options.set(key, argv[++i]);
    else options.set(key, true);
  }
  return { options, words };
}

/**
 * The password for admin:create: from standard input when it is piped (first line), otherwise asked
 * twice at a prompt that does not echo. Never from the command line, where `ps` and shell history see it.
 */
export async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  }
  const first = await promptHidden('Password (10+ characters): ');
  const second = await promptHidden('Repeat the password: ');
  if (first !== second) throw new UsageError('the two passwords differ');
  return first;
}

function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let value = '';
    const finish = (error?: Error): void => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return finish();
        if (ch === '\u0003') return finish(new UsageError('cancelled'));
        value = ch === '\u007f' || ch === '\b' ? value.slice(0, -1) : value + ch;
      }
    };
    stdin.on('data', onData);
  });
}

/** A wrong invocation: the message and exit code 2. */
export class UsageError extends Error {}

/** One readable line (or a few) for an error, in English: operators read the terminal. */
export function describeError(error: unknown): string {
  if (error instanceof DomainException) {
    const fields = error.fieldIssues.map((i) => `  ${i.field}: ${formatValidationMessage(i.constraint, i.args, 'en') ?? i.fallback ?? i.constraint}`);
    return [`${error.code}: ${ERROR_MESSAGES[error.code].en}`, ...fields].join('\n');
  }
  return error instanceof Error ? error.message : String(error);
}
