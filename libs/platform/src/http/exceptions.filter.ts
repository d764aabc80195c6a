import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Inject } from '@nestjs/common';
import { BaseWsExceptionFilter } from '@nestjs/websockets';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { AppError, ErrorCode } from '../errors/app-error.js';
import { isTransientInfrastructureError, UNAVAILABLE_RETRY_AFTER, unavailable } from '../errors/transient.js';
import { ROOT_LOGGER } from '../logging/logging.module.js';

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

const CODE_OF_STATUS: Record<number, ErrorCode> = Object.fromEntries(Object.entries(STATUS).map(([code, status]) => [status, code as ErrorCode]));

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
    let code: ErrorCode;
    let message: string;
    if (isTransientInfrastructureError(exception)) {
      res.setHeader('retry-after', String(UNAVAILABLE_RETRY_AFTER));
      exception = unavailable();
    }
    if (exception instanceof HttpException) {
      status = exception.getStatus();
      [code, message] = [CODE_OF_STATUS[status] ?? (status >= 500 ? ErrorCode.INTERNAL_SERVER_ERROR : ErrorCode.BAD_USER_INPUT), messageOf(exception)];
    } else if (exception instanceof AppError) [status, code, message] = [STATUS[exception.code] ?? 400, exception.code, exception.message];
    else {
      [status, code] = [500, ErrorCode.INTERNAL_SERVER_ERROR];
      message = `Something went wrong on our side. It has been logged; quote the request id ${req.id} if you contact support.`;
    }
    if (status >= 500) this.logger.error({ err: exception, reqId: req.id, url: req.originalUrl }, 'HTTP route failed');
    if (res.headersSent) return res.end();
    res.removeHeader('content-disposition');
    return this.answer(res.status(status), code, message);
  }

  protected answer(res: Response, _code: ErrorCode, message: string): unknown {
    return res.type('text/plain; charset=utf-8').send(message);
  }
}

/**
 * For routes that scripts call (`@UseFilters(JsonErrorsFilter)`): the same
 * refusals and logging, answered as `{"error": {"code", "message"}}` with the
 * codes of GraphQL's `extensions.code`.
 */
@Catch()
export class JsonErrorsFilter extends ExceptionsFilter {
  constructor(@Inject(ROOT_LOGGER) logger: Logger) {
    super(logger);
  }

  protected override answer(res: Response, code: ErrorCode, message: string): unknown {
    return res.json({ error: { code, message } });
  }
}
