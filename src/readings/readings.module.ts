import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Reading } from './reading.entity';
import { ReadingsService } from './readings.service';

@Module({
  imports: [TypeOrmModule.forFeature([Reading])],
  providers: [ReadingsService],
  exports: [ReadingsService],
})
export class ReadingsModule {}
