import { Global, Module } from '@nestjs/common';
import { CommandMenu } from 'src/bot/command-menu';
import { Notifier } from './notifier.service';

/** The Notifier and the command menus for every module; the bot they use comes from the (global) Telegraf module. */
@Global()
@Module({ providers: [Notifier, CommandMenu], exports: [Notifier, CommandMenu] })
export class NotifierModule {}
