import { createServer, Server, Socket, connect } from 'node:net';

/** One statement a client sent: its SQL text and whether it was a round trip of its own. */
export interface TracedStatement {
  sql: string;
  at: number;
}

/**
 * A TCP relay between a server under test and PostgreSQL that reads the frontend half of the wire
 * protocol and records every statement (`Query` and `Parse` messages) and every round trip (`Query`
 * and `Sync`). The bench runs each route once through it for the app and for the bare server, so the
 * two can be compared statement by statement: the ratio only means something if both do the same SQL.
 * It copies every byte in the bench process, so it is only in the path for that check (and the smoke),
 * never while a full run is timed.
 */
export class SqlTrace {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private statements: TracedStatement[] = [];
  private roundTrips = 0;
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  async start(): Promise<void> {
    const server = createServer((client) => {
      const upstream = connect(this.targetPort, this.targetHost);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.on('data', this.reader());
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((ok, fail) => {
      server.once('error', fail);
      server.listen(0, '127.0.0.1', () => ok());
    });
    const address = server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
    this.server = server;
  }

  /** Statements and round trips since the last call (the previous request's). */
  take(): { statements: TracedStatement[]; roundTrips: number } {
    const taken = { statements: this.statements, roundTrips: this.roundTrips };
    this.statements = [];
    this.roundTrips = 0;
    return taken;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((ok) => server.close(() => ok()));
  }

  /** A per-connection parser: the startup message has no type byte, every later one has. */
  private reader(): (chunk: Buffer) => void {
    let pending: Buffer = Buffer.alloc(0);
    let started = false;
    return (chunk) => {
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      for (;;) {
        if (!started) {
          if (pending.length < 8) return;
          const length = pending.readInt32BE(0);
          if (pending.length < length) return;
          // An SSLRequest (80877103) is followed by another startup message; node-postgres sends none without ssl.
          started = pending.readInt32BE(4) !== 80877103;
          pending = pending.subarray(length);
          continue;
        }
        if (pending.length < 5) return;
        const type = String.fromCharCode(pending[0] as number);
        const length = pending.readInt32BE(1);
        if (pending.length < 1 + length) return;
        const body = pending.subarray(5, 1 + length);
        if (type === 'Q') {
          this.statements.push({ sql: cString(body, 0), at: Date.now() });
          this.roundTrips++;
        } else if (type === 'P') {
          const nameEnd = body.indexOf(0);
          this.statements.push({ sql: cString(body, nameEnd + 1), at: Date.now() });
        } else if (type === 'S') {
          this.roundTrips++;
        }
        pending = pending.subarray(1 + length);
      }
    };
  }
}

function cString(buffer: Buffer, start: number): string {
  const end = buffer.indexOf(0, start);
  return buffer.toString('utf8', start, end < 0 ? buffer.length : end);
}

/** Whitespace and parameter numbering do not change what PostgreSQL runs. */
export function normalizeSql(sql: string): string {
  return sql.replace(/\s+/g, ' ').trim();
}
