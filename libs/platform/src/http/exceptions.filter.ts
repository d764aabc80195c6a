import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import { BaseWsExceptionFilter } from '@nestjs/websockets';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { AppError, ErrorCode } from '../errors/app-error.js';
import { isTransientInfrastructureError, UNAVAILABLE_RETRY_AFTER, unavailable } from '../errors/transient.js';

const STATUS: Record<ErrorCode, number> = {
  [ErrorCode.UNAUTHENTICATED]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.FORBIDDEN]: HttpStatus.FORBIDDEN,
  [ErrorCode.BAD_USER_INPUT]: HttpStatus.BAD_REQUEST,
  [ErrorCode.NOT_FOUND]: HttpStatus.NOT_FOUND,
  [ErrorCode.CONFLICT]: HttpStatus.CONFLICT,
  [ErrorCode.RATE_LIMITED]: HttpStatus.TOO_MANY_REQUESTS,
  [ErrorCode.UNAVAILABLE]: HttpStatus.SERVICE_UNAVAILABLE,
  [ErrorCode.INTERNAL_SERVER_ERROR]: HttpStatus.INTERNAL_SERVER_ERROR,
};

function messageOf(exception: HttpException): string {
  const body = exception.getResponse();
  if (typeof body === 'string') return body;
  const message = (body as { message?: unknown }).message;
  return Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : exception.message;
}

/**
 * Where Nest's exceptions handlers would log every error at error level with
 * its stack, refusals included (an operator alerting on error level was paged
 * for each NOT_FOUND). GraphQL errors go back to Apollo, whose formatError and
 * errorReportingPlugin log them with the request id (refusals at info). A REST
 * route's refusal is answered as plain text, whatever Content-Type the route
 * had set for its success (an .ics, an HTML page), and left to the request
 * line; only the unexpected is logged at error, with the request id.
 */
@Catch()
export class ExceptionsFilter implements ExceptionFilter {
  private readonly ws = new BaseWsExceptionFilter();

  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): unknown {
    const type = host.getType<string>();
    if (type === 'graphql') return exception; // rethrown to graphql-js, which hands it to Apollo
    if (type !== 'http') return this.ws.catch(exception, host);
    const http = host.switchToHttp();
    const req = http.getRequest<Request & { id?: string }>();
    const res = http.getResponse<Response>();
    let status: number;
    let message: string;
    if (isTransientInfrastructureError(exception)) {
      res.setHeader('retry-after', String(UNAVAILABLE_RETRY_AFTER));
      exception = unavailable();
    }
    if (exception instanceof HttpException) [status, message] = [exception.getStatus(), messageOf(exception)];
    else if (exception instanceof AppError) [status, message] = [STATUS[exception.code] ?? 400, exception.message];
    else [status, message] = [500, `Something went wrong on our side. It has been logged; quote the request id ${req.id} if you contact support.`];
    if (status >= 500) this.logger.error({ err: exception, reqId: req.id, url: req.originalUrl }, 'HTTP route failed');
    if (res.headersSent) return res.end();
    res.removeHeader('content-disposition');
    return res.status(status).type('text/plain; charset=utf-8').send(message);
  }
}
