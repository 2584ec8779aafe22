import { All, BeforeApplicationShutdown, Controller, Get, NotFoundException, Param, Req, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AppConfig } from 'src/config/app-config';
import { LocalBotApi } from 'src/bot-api-stand-in/local-bot-api';
import { StandInProxy } from './stand-in-proxy';
import { WebChatAssets } from './web-chat-assets';

const API_PREFIX = '/web-chat/api';
const PAGE_HEADERS = {
  'Cache-Control': 'no-cache',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy':
    "default-src 'self'; img-src 'self' data: blob: https:; script-src 'self'; style-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
};

/**
 * The local web chat: the page at / and its files under /web-chat/, and /web-chat/api/* proxied to the
 * Bot API stand-in. Local mode only: with a real bot token every route answers 404.
 */
@ApiExcludeController()
@Controller()
export class WebChatController implements BeforeApplicationShutdown {
  private stopping = false;

  constructor(
    private readonly config: AppConfig,
    private readonly local: LocalBotApi,
    private readonly assets: WebChatAssets,
    private readonly proxy: StandInProxy,
  ) {}

  /**
   * Before the HTTP server closes: open tabs' event streams end with their connections, and what
   * the tabs ask after that is refused on a closing connection, so no tab holds the server open.
   */
  beforeApplicationShutdown(): void {
    this.stopping = true;
    this.proxy.closeAll();
  }

  @Get()
  page(@Res() response: Response): void {
    this.apiRoot(response);
    this.send(response, 'index.html');
  }

  @Get('web-chat/:file')
  file(@Param('file') name: string, @Res() response: Response): void {
    this.apiRoot(response);
    if (name === 'index.html') throw new NotFoundException();
    this.send(response, name);
  }

  @All('web-chat/api/*path')
  api(@Req() request: Request, @Res() response: Response): void {
    const apiRoot = this.apiRoot(response);
    const path = request.originalUrl.slice(API_PREFIX.length);
    if (!path.startsWith('/') || path.split(/[/?]/).some((segment) => /^(\.|%2e){1,2}$/i.test(segment))) throw new NotFoundException();
    this.proxy.forward(apiRoot, path, request, response);
  }

  private send(response: Response, name: string): void {
    const asset = this.assets.get(name);
    if (!asset) throw new NotFoundException();
    response.set({ ...PAGE_HEADERS, 'Content-Type': asset.contentType }).send(asset.body);
  }

  private apiRoot(response: Response): string {
    if (this.stopping) {
      response.set('Connection', 'close');
      throw new ServiceUnavailableException('the app is stopping');
    }
    const apiRoot = this.config.localMode ? this.local.apiRoot : undefined;
    if (!apiRoot) throw new NotFoundException();
    return apiRoot;
  }
}
