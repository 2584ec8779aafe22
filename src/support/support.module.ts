import { Module } from '@nestjs/common';
import { PaymentsModule } from 'src/payments/payments.module';
import { SessionsModule } from 'src/sessions/sessions.module';
import { UsersModule } from 'src/users/users.module';
import { SupportController } from './support.controller';
import { SupportService } from './support.service';
import { SupportUpdate } from './support.update';

@Module({
  imports: [SessionsModule, UsersModule, PaymentsModule],
  controllers: [SupportController],
  providers: [SupportService, SupportUpdate],
  exports: [SupportService],
})
export class SupportModule {}
