import { Global, Module } from '@nestjs/common';
import { CommandMenu } from 'src/bot/command-menu';
import { NotifierService } from './notifier.service';

/** The NotifierService and the command menus for every module; the bot they use comes from the (global) Telegraf module. */
@Global()
@Module({ providers: [NotifierService, CommandMenu], exports: [NotifierService, CommandMenu] })
export class NotifierModule {}
