import { Global, Module } from '@nestjs/common';
import { Notifier } from './notifier.service';

/** The Notifier for every module; the bot it sends with comes from the (global) Telegraf module. */
@Global()
@Module({ providers: [Notifier], exports: [Notifier] })
export class NotifierModule {}
