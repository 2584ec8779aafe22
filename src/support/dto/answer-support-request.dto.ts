import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { MAX_SUPPORT_TEXT } from '../support-request';

export class AnswerSupportRequestDto {
  @ApiProperty({ maxLength: MAX_SUPPORT_TEXT, description: 'Plain text; sent to the user in the chat' })
  @IsString() @IsNotEmpty() @MaxLength(MAX_SUPPORT_TEXT)
  text!: string;
}
