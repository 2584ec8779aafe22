import { ApiProperty } from '@nestjs/swagger';
import { READING_STATUSES, ReadingStatus, Reading } from '../reading.entity';

export class DrawnCardResponse {
  @ApiProperty() cardId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() reversed!: boolean;
  @ApiProperty() positionKey!: string;
  @ApiProperty() positionName!: string;
}

export class ReadingResponse {
  @ApiProperty() id!: number;
  @ApiProperty() userId!: number;
  @ApiProperty() spreadType!: string;
  @ApiProperty({ enum: READING_STATUSES }) status!: ReadingStatus;
  @ApiProperty({ nullable: true }) question!: string | null;
  @ApiProperty({ type: [DrawnCardResponse] }) cards!: DrawnCardResponse[];
  @ApiProperty() interpretation!: string;
  @ApiProperty({ nullable: true, type: Object }) questionnaireResponses!: unknown;
  @ApiProperty({ nullable: true }) errorMessage!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true }) completedAt!: string | null;
  @ApiProperty({ nullable: true }) durationSeconds!: number | null;

  static from(reading: Reading): ReadingResponse {
    return {
      id: reading.id,
      userId: reading.userId,
      spreadType: reading.spreadType,
      status: reading.status,
      question: reading.question,
      cards: reading.cards,
      interpretation: reading.interpretation,
      questionnaireResponses: reading.questionnaireResponses,
      errorMessage: reading.errorMessage,
      createdAt: reading.createdAt.toISOString(),
      completedAt: reading.completedAt?.toISOString() ?? null,
      durationSeconds: reading.durationSeconds,
    };
  }
}

export class ReadingPageResponse {
  @ApiProperty({ type: [ReadingResponse] }) items!: ReadingResponse[];
  @ApiProperty({ nullable: true, description: 'Pass as `cursor` for the next (older) page' }) nextCursor!: string | null;
}
