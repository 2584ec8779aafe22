import { plainToInstance, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsObject, IsOptional, IsString, Max, Min, ValidateNested, ValidationError, validateSync } from 'class-validator';
import { inspectBody } from 'src/common/http/body-inspection';

/*
 * The parts of an update the bot reads, as the Bot API reference types them. Telegram never
 * sends anything else, but a webhook is a public URL: a body that breaks one of these is refused
 * before a handler sees it. Fields the bot does not read are left alone (Telegram adds fields
 * every release), and so are update kinds it does not handle.
 */

const SAFE = Number.MAX_SAFE_INTEGER;

class UserShape {
  @IsInt() @Min(1) @Max(SAFE) id!: number;
  @IsString() first_name!: string;
  @IsOptional() @IsString() username?: string;
  @IsOptional() @IsString() language_code?: string;
}

class ChatShape {
  @IsInt() @Min(-SAFE) @Max(SAFE) id!: number;
  @IsString() type!: string;
}

class SuccessfulPaymentShape {
  @IsString() currency!: string;
  @IsInt() @Min(0) @Max(SAFE) total_amount!: number;
  @IsString() invoice_payload!: string;
  @IsString() telegram_payment_charge_id!: string;
  @IsOptional() @IsInt() subscription_expiration_date?: number;
  @IsOptional() @IsBoolean() is_recurring?: boolean;
  @IsOptional() @IsBoolean() is_first_recurring?: boolean;
}

class RefundedPaymentShape {
  @IsString() currency!: string;
  @IsInt() @Min(0) @Max(SAFE) total_amount!: number;
  @IsString() invoice_payload!: string;
  @IsString() telegram_payment_charge_id!: string;
}

class MessageShape {
  @IsInt() @Min(0) @Max(SAFE) message_id!: number;
  @IsInt() date!: number;
  @IsObject() @ValidateNested() @Type(() => ChatShape) chat!: ChatShape;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => UserShape) from?: UserShape;
  @IsOptional() @IsString() text?: string;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => SuccessfulPaymentShape) successful_payment?: SuccessfulPaymentShape;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => RefundedPaymentShape) refunded_payment?: RefundedPaymentShape;
}

/** A message a button sits on; an inaccessible one (date 0) has only these fields. */
class ButtonMessageShape {
  @IsInt() @Min(0) @Max(SAFE) message_id!: number;
  @IsInt() date!: number;
  @IsObject() @ValidateNested() @Type(() => ChatShape) chat!: ChatShape;
}

class CallbackQueryShape {
  @IsString() id!: string;
  @IsObject() @ValidateNested() @Type(() => UserShape) from!: UserShape;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => ButtonMessageShape) message?: ButtonMessageShape;
  @IsOptional() @IsString() data?: string;
}

class PreCheckoutQueryShape {
  @IsString() id!: string;
  @IsObject() @ValidateNested() @Type(() => UserShape) from!: UserShape;
  @IsString() currency!: string;
  @IsInt() @Min(0) @Max(SAFE) total_amount!: number;
  @IsString() invoice_payload!: string;
}

class ChatMemberShape {
  @IsString() status!: string;
}

class ChatMemberUpdatedShape {
  @IsObject() @ValidateNested() @Type(() => ChatShape) chat!: ChatShape;
  @IsObject() @ValidateNested() @Type(() => UserShape) from!: UserShape;
  @IsInt() date!: number;
  @IsObject() @ValidateNested() @Type(() => ChatMemberShape) old_chat_member!: ChatMemberShape;
  @IsObject() @ValidateNested() @Type(() => ChatMemberShape) new_chat_member!: ChatMemberShape;
}

class UpdateShape {
  @IsInt() @Min(0) @Max(SAFE) update_id!: number;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => MessageShape) message?: MessageShape;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => MessageShape) edited_message?: MessageShape;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => MessageShape) channel_post?: MessageShape;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => CallbackQueryShape) callback_query?: CallbackQueryShape;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => PreCheckoutQueryShape) pre_checkout_query?: PreCheckoutQueryShape;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => ChatMemberUpdatedShape) my_chat_member?: ChatMemberUpdatedShape;
}

function firstField(errors: ValidationError[], parent = ''): string | undefined {
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    if (error.constraints) return field;
    const nested = firstField(error.children ?? [], field);
    if (nested) return nested;
  }
  return undefined;
}

/** Why `body` is not an update the bot can handle (the first field at fault), or undefined if it is one. */
export function updateShapeProblem(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'the body is not an object';
  const unsafe = inspectBody(body);
  if (unsafe) return `${unsafe.field} ${unsafe.problem}`;
  const errors = validateSync(plainToInstance(UpdateShape, body), { forbidUnknownValues: false });
  return errors.length > 0 ? firstField(errors) : undefined;
}
