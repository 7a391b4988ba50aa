import { DEFAULT_LOCALE, ERROR_MESSAGES, ErrorBody, ErrorCode } from '@xkx/contracts';
import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * Requests Node's HTTP parser refuses before Express sees them (a URL or headers over 16 KB, a
 * malformed request line) get the one error body too, instead of Node's bare status line.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const [status, code] = error.code === 'HPE_HEADER_OVERFLOW' ? [431, ErrorCode.HEADERS_TOO_LARGE] : [400, ErrorCode.VALIDATION_FAILED];
    const body: ErrorBody = { statusCode: status, code, message: ERROR_MESSAGES[code][DEFAULT_LOCALE] };
    const json = JSON.stringify(body);
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`,
    );
  });
}
