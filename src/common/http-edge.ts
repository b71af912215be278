import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { errorName } from './api-exception.filter';

/** Node's HTTP parser errors and the status each deserves. */
const PARSER_STATUS: Record<string, number> = {
  HPE_HEADER_OVERFLOW: 431,
  ERR_HTTP_REQUEST_TIMEOUT: 408,
  HPE_HEADERS_TIMEOUT: 408,
};

/**
 * Requests Node refuses before Express sees them (headers or a query string over the 16 KB header
 * limit, malformed request lines, header timeouts) get Node's bare status line with no body. This
 * answers them as the API answers any 4xx: a JSON body naming the reason, then the connection closes.
 */
export function answerClientErrorsAsJson(server: Server): void {
  server.on('clientError', (error: Error & { code?: string }, socket: Duplex) => {
    // The client went away or the socket is half-dead: nothing to answer.
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const status = PARSER_STATUS[error.code ?? ''] ?? 400;
    const message =
      status === 431
        ? 'the request line or headers are too large (a long query string counts): send less, or use a POST body'
        : status === 408
          ? 'the request was not received in time'
          : 'the request could not be parsed as HTTP';
    const body = JSON.stringify({ statusCode: status, error: errorName(status), message: [message] });
    socket.end(
      `HTTP/1.1 ${status} ${errorName(status)}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  });
}
