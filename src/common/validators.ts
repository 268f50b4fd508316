import { applyDecorators } from '@nestjs/common';
import { IsInt, IsOptional, IsUrl, IsUUID, Matches, Max, MaxLength, Min, ValidateBy, type ValidationOptions } from 'class-validator';
import { isCleanLine, isCleanText } from './text-rules.js';

/**
 * The shared input rules. Every string of every input is also checked by the validation pipe for
 * control characters (see text-rules.ts); the decorators here add what a field's kind allows.
 *
 * Messages are the German text only ("darf nicht leer sein"): the validation pipe puts the field's
 * path in front ("title: darf nicht leer sein"), the same path it lists in `extensions.fields`, so
 * that a nested field ("votes.0.optionId") is named the way the client finds it.
 */

/** A number the German way: 10000 → "10.000". */
export const de = (n: number): string => new Intl.NumberFormat('de-DE').format(n);

/** The message of a length limit. */
export const atMostChars = (max: number): string => `darf höchstens ${de(max)} Zeichen lang sein`;

/** An id argument: a UUID. */
export const IsId = () => IsUUID('all', { message: 'muss eine gültige ID (UUID) sein' });

/** A single line: no control characters, no tab or line break. */
export const IsSingleLine = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isSingleLine',
      validator: {
        validate: (value: unknown) => value === null || value === undefined || (typeof value === 'string' && isCleanLine(value)),
        defaultMessage: () => `${options?.each ? 'jeder Eintrag muss' : 'muss'} eine einzelne Zeile ohne Steuerzeichen sein`,
      },
    },
    options,
  );

/** A multi-line text: line breaks and tabs allowed, other control characters not. */
export const IsCleanText = () =>
  ValidateBy({
    name: 'isCleanText',
    validator: {
      validate: (value: unknown) => value === null || value === undefined || (typeof value === 'string' && isCleanText(value)),
      defaultMessage: () => 'darf keine Steuerzeichen enthalten',
    },
  });

/** A required human-readable name: one line, not blank, at most 200 characters. */
export const IsName = () =>
  applyDecorators(IsSingleLine(), Matches(/\S/, { message: 'darf nicht leer sein' }), MaxLength(200, { message: atMostChars(200) }));

/** An optional multi-line free text of at most `max` characters. */
export const IsOptionalText = (max: number) => applyDecorators(IsOptional(), IsCleanText(), MaxLength(max, { message: atMostChars(max) }));

/** An optional single-line text (a place, say) of at most `max` characters. */
export const IsOptionalLine = (max: number) => applyDecorators(IsOptional(), IsSingleLine(), MaxLength(max, { message: atMostChars(max) }));

/** A whole number within [min, max]. */
export const IsIntBetween = (min: number, max: number) =>
  applyDecorators(
    IsInt({ message: 'muss eine ganze Zahl sein' }),
    Min(min, { message: `muss mindestens ${de(min)} sein` }),
    Max(max, { message: `darf höchstens ${de(max)} sein` }),
  );

/** An optional link people open (a Jitsi room, say): http(s) only, never javascript: or data:. */
export const IsOptionalHttpUrl = () =>
  applyDecorators(
    IsOptional(),
    IsSingleLine(),
    MaxLength(2000, { message: atMostChars(2000) }),
    IsUrl({ protocols: ['https', 'http'], require_protocol: true }, { message: 'muss eine Webadresse sein, die mit https:// oder http:// beginnt' }),
  );
