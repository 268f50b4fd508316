import { applyDecorators } from '@nestjs/common';
import { ArrayMaxSize, ArrayMinSize, IsOptional, IsUrl, IsUUID, Matches, MaxLength } from 'class-validator';
import { atMostChars, de } from './validators.js';

/**
 * Rules for list arguments, beside the single-value rules in validators.ts (the validation pipe
 * checks every string, list elements included, for control characters). As there, messages are
 * the German text only; the validation pipe puts the list's field path in front
 * ("links: jeder Eintrag muss eine Webadresse sein, …").
 */

const entries = (n: number): string => `${de(n)} ${n === 1 ? 'Eintrag' : 'Einträge'}`;

/** The message of a list's length limit. */
export const atMostEntries = (max: number): string => `darf höchstens ${entries(max)} enthalten`;

const EACH_UUID = 'jeder Eintrag muss eine gültige ID (UUID) sein';

/** A list of ids: UUIDs, between `min` and `max` of them. */
export const IsIdList = (min: number, max: number) =>
  applyDecorators(
    ArrayMinSize(min, { message: `muss mindestens ${entries(min)} enthalten` }),
    ArrayMaxSize(max, { message: atMostEntries(max) }),
    IsUUID('all', { each: true, message: EACH_UUID }),
  );

/** An optional list of ids, at most `max`. */
export const IsOptionalIdList = (max: number) =>
  applyDecorators(IsOptional(), ArrayMaxSize(max, { message: atMostEntries(max) }), IsUUID('all', { each: true, message: EACH_UUID }));

/** An optional list of short labels (tags, keys): each not blank and at most `maxLength` characters. */
export const IsOptionalLabels = (maxItems: number, maxLength: number) =>
  applyDecorators(
    IsOptional(),
    ArrayMaxSize(maxItems, { message: atMostEntries(maxItems) }),
    Matches(/\S/, { each: true, message: 'darf keine leeren Einträge enthalten' }),
    MaxLength(maxLength, { each: true, message: `jeder Eintrag ${atMostChars(maxLength)}` }),
  );

/** An optional list of links people open: http(s) only, never javascript: or data:. */
export const IsOptionalHttpUrls = (maxItems: number) =>
  applyDecorators(
    IsOptional(),
    ArrayMaxSize(maxItems, { message: atMostEntries(maxItems) }),
    MaxLength(2000, { each: true, message: `jeder Eintrag ${atMostChars(2000)}` }),
    IsUrl({ protocols: ['https', 'http'], require_protocol: true }, { each: true, message: 'jeder Eintrag muss eine Webadresse sein, die mit https:// oder http:// beginnt' }),
  );
