import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { BotApiError } from './bot-api-error';
import type { BotApiCallProcessor } from './bot-api-call-processor';
import { UploadedFile } from './uploaded-file';

interface MulterFile {
  fieldname: string;
  originalname: string;
  mimetype: string;
  size?: number;
  buffer?: Buffer;
}

type Middleware = (request: Request, response: Response, next: NextFunction) => void;

interface MulterModule {
  (options: { storage: unknown; limits?: { fileSize?: number } }): { any(): Middleware };
  memoryStorage(): unknown;
}

// multer ships without type declarations and @types/multer is not a dependency.
const multer = require('multer') as MulterModule;

const BOT_API_PATH = /^\/bot([^/]+)\/(?:test\/)?([A-Za-z0-9_]+)\/?$/;
const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

/** Serves POST/GET {apiRoot}/bot<token>/<method> with JSON, urlencoded or multipart bodies, like api.telegram.org. */
export class BotApiController {
  private readonly json = express.json({ limit: MAX_UPLOAD_BYTES, type: () => true });
  private readonly urlencoded = express.urlencoded({ extended: false, limit: MAX_UPLOAD_BYTES });
  private readonly multipart = multer({ storage: multer.memoryStorage(), limits: { fileSize: MAX_UPLOAD_BYTES } }).any();

  constructor(private readonly processor: BotApiCallProcessor) {}

  register(app: Express): void {
    app.use((request, response, next) => {
      const match = BOT_API_PATH.exec(request.path);
      if (!match) return next();
      this.handle(request, response, decodeURIComponent(match[1]), match[2]).catch(next);
    });
  }

  private async handle(request: Request, response: Response, token: string, method: string): Promise<void> {
    let raw: Record<string, unknown>;
    let fromForm: boolean;
    try {
      ({ raw, fromForm } = await this.readParams(request, response));
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      const apiError = BotApiError.badRequest(`can't parse request body: ${detail}`);
      response.status(400).json(apiError.toBody());
      return;
    }
    const outcome = await this.processor.process(token, method, raw, { fromForm, via: 'http' });
    response.status(outcome.status).json(outcome.body);
  }

  private async readParams(request: Request, response: Response): Promise<{ raw: Record<string, unknown>; fromForm: boolean }> {
    const contentType = (request.headers['content-type'] ?? '').toLowerCase();
    const hasBody = request.method !== 'GET' && request.method !== 'HEAD' && contentType !== '';
    let parser: Middleware | null = null;
    if (hasBody && contentType.startsWith('multipart/form-data')) parser = this.multipart;
    else if (hasBody && contentType.startsWith('application/x-www-form-urlencoded')) parser = this.urlencoded;
    else if (hasBody) parser = this.json;
    if (parser) await run(parser, request, response);

    const body: unknown = request.body;
    if (body !== undefined && (typeof body !== 'object' || body === null || Array.isArray(body))) {
      throw new Error('the body must be a JSON object');
    }
    const raw: Record<string, unknown> = { ...queryParams(request), ...(body as Record<string, unknown> | undefined) };
    const files = (request as Request & { files?: MulterFile[] }).files ?? [];
    for (const file of files) {
      raw[file.fieldname] = new UploadedFile(
        file.fieldname,
        file.originalname,
        file.mimetype,
        file.size ?? file.buffer?.length ?? 0,
        file.buffer,
      );
    }
    return { raw, fromForm: parser !== this.json };
  }
}

function run(middleware: Middleware, request: Request, response: Response): Promise<void> {
  return new Promise((resolve, reject) => {
    middleware(request, response, (error?: unknown) => (error ? reject(error as Error) : resolve()));
  });
}

function queryParams(request: Request): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(request.query)) {
    params[name] = Array.isArray(value) ? value[value.length - 1] : value;
  }
  return params;
}
