import { plainToInstance, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsObject, IsString, Max, MaxLength, Min, ValidateIf, ValidateNested, ValidationError, validateSync } from 'class-validator';
import { inspectBody } from 'src/common/http/body-inspection';

/*
 * The parts of an update the bot reads, as the Bot API reference types them. Telegram never
 * sends anything else, but a webhook is a public URL: a body that breaks one of these is refused
 * before a handler sees it. Fields the bot does not read are left alone (Telegram adds fields
 * every release), and so are update kinds it does not handle.
 */

const SAFE = Number.MAX_SAFE_INTEGER;
/** Amounts are stored as PostgreSQL integers. */
const INT4 = 2_147_483_647;
/** Dates (Unix seconds) past 2100-01-01 are no date Telegram sends, and some overflow a JS Date. */
const LAST_DATE = 4_102_444_800;
/** The Bot API's own limits, and the columns the values are stored in. */
const MAX_TEXT = 4096;
const MAX_NAME = 256;
const MAX_QUERY_ID = 256;
const MAX_CALLBACK_DATA = 64;
const MAX_PAYLOAD = 128;
const MAX_CHARGE_ID = 255;
const MAX_CURRENCY = 8;

/** A field Telegram may leave out; it never sends one as null, so null is checked like a value. */
const Optional = () => ValidateIf((_object, value) => value !== undefined);

class UserShape {
  @IsInt() @Min(1) @Max(SAFE) id!: number;
  @IsString() @MaxLength(MAX_NAME) first_name!: string;
  @Optional() @IsString() @MaxLength(MAX_NAME) username?: string;
  @Optional() @IsString() @MaxLength(35) language_code?: string;
}

class ChatShape {
  @IsInt() @Min(-SAFE) @Max(SAFE) id!: number;
  @IsString() @MaxLength(32) type!: string;
}

class SuccessfulPaymentShape {
  @IsString() @MaxLength(MAX_CURRENCY) currency!: string;
  @IsInt() @Min(0) @Max(INT4) total_amount!: number;
  @IsString() @MaxLength(MAX_PAYLOAD) invoice_payload!: string;
  @IsString() @MaxLength(MAX_CHARGE_ID) telegram_payment_charge_id!: string;
  @Optional() @IsInt() @Min(0) @Max(LAST_DATE) subscription_expiration_date?: number;
  @Optional() @IsBoolean() is_recurring?: boolean;
  @Optional() @IsBoolean() is_first_recurring?: boolean;
}

class RefundedPaymentShape {
  @IsString() @MaxLength(MAX_CURRENCY) currency!: string;
  @IsInt() @Min(0) @Max(INT4) total_amount!: number;
  @IsString() @MaxLength(MAX_PAYLOAD) invoice_payload!: string;
  @IsString() @MaxLength(MAX_CHARGE_ID) telegram_payment_charge_id!: string;
}

class MessageShape {
  @IsInt() @Min(0) @Max(SAFE) message_id!: number;
  @IsInt() @Min(0) @Max(LAST_DATE) date!: number;
  @IsObject() @ValidateNested() @Type(() => ChatShape) chat!: ChatShape;
  @Optional() @IsObject() @ValidateNested() @Type(() => UserShape) from?: UserShape;
  @Optional() @IsString() @MaxLength(MAX_TEXT) text?: string;
  @Optional() @IsObject() @ValidateNested() @Type(() => SuccessfulPaymentShape) successful_payment?: SuccessfulPaymentShape;
  @Optional() @IsObject() @ValidateNested() @Type(() => RefundedPaymentShape) refunded_payment?: RefundedPaymentShape;
}

/** A message a button sits on; an inaccessible one (date 0) has only these fields. */
class ButtonMessageShape {
  @IsInt() @Min(0) @Max(SAFE) message_id!: number;
  @IsInt() @Min(0) @Max(LAST_DATE) date!: number;
  @IsObject() @ValidateNested() @Type(() => ChatShape) chat!: ChatShape;
}

class CallbackQueryShape {
  @IsString() @MaxLength(MAX_QUERY_ID) id!: string;
  @IsObject() @ValidateNested() @Type(() => UserShape) from!: UserShape;
  @Optional() @IsObject() @ValidateNested() @Type(() => ButtonMessageShape) message?: ButtonMessageShape;
  @Optional() @IsString() @MaxLength(MAX_CALLBACK_DATA) data?: string;
}

class PreCheckoutQueryShape {
  @IsString() @MaxLength(MAX_QUERY_ID) id!: string;
  @IsObject() @ValidateNested() @Type(() => UserShape) from!: UserShape;
  @IsString() @MaxLength(MAX_CURRENCY) currency!: string;
  @IsInt() @Min(0) @Max(INT4) total_amount!: number;
  @IsString() @MaxLength(MAX_PAYLOAD) invoice_payload!: string;
}

class ChatMemberShape {
  @IsString() @MaxLength(32) status!: string;
}

class ChatMemberUpdatedShape {
  @IsObject() @ValidateNested() @Type(() => ChatShape) chat!: ChatShape;
  @IsObject() @ValidateNested() @Type(() => UserShape) from!: UserShape;
  @IsInt() @Min(0) @Max(LAST_DATE) date!: number;
  @IsObject() @ValidateNested() @Type(() => ChatMemberShape) old_chat_member!: ChatMemberShape;
  @IsObject() @ValidateNested() @Type(() => ChatMemberShape) new_chat_member!: ChatMemberShape;
}

class UpdateShape {
  @IsInt() @Min(0) @Max(SAFE) update_id!: number;
  @Optional() @IsObject() @ValidateNested() @Type(() => MessageShape) message?: MessageShape;
  @Optional() @IsObject() @ValidateNested() @Type(() => MessageShape) edited_message?: MessageShape;
  @Optional() @IsObject() @ValidateNested() @Type(() => MessageShape) channel_post?: MessageShape;
  @Optional() @IsObject() @ValidateNested() @Type(() => CallbackQueryShape) callback_query?: CallbackQueryShape;
  @Optional() @IsObject() @ValidateNested() @Type(() => PreCheckoutQueryShape) pre_checkout_query?: PreCheckoutQueryShape;
  @Optional() @IsObject() @ValidateNested() @Type(() => ChatMemberUpdatedShape) my_chat_member?: ChatMemberUpdatedShape;
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
