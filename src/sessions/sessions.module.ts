import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SessionExpiryJob } from './session-expiry.job';
import { SessionRetentionJob } from './session-retention.job';
import { SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';
import { SessionsUpdate } from './sessions.update';
import { UserSession } from './user-session.entity';

@Module({
  imports: [TypeOrmModule.forFeature([UserSession])],
  controllers: [SessionsController],
  providers: [SessionsService, SessionExpiryJob, SessionRetentionJob, SessionsUpdate],
  exports: [SessionsService, SessionExpiryJob, SessionRetentionJob],
})
export class SessionsModule {}
