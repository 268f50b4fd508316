import { applyDecorators } from '@nestjs/common';
import { IsInt, IsOptional, IsUrl, IsUUID, Matches, Max, MaxLength, Min, ValidateBy, type ValidationOptions } from 'class-validator';
import { isCleanLine, isCleanText } from './text-rules.js';

/**
 * The shared input rules. Every string of every input is also checked by the validation pipe for
 * control characters (see text-rules.ts); the decorators here add what a field's kind allows.
 */

/** An id argument: a UUID, with a message naming the field. */
export const IsId = (field: string) => IsUUID('all', { message: `${field} must be a UUID` });

/** A single line: no control characters, no tab or line break. */
export const IsSingleLine = (field: string, options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isSingleLine',
      validator: {
        validate: (value: unknown) => value === null || value === undefined || (typeof value === 'string' && isCleanLine(value)),
        defaultMessage: () => `${field} must be a single line without control characters`,
      },
    },
    options,
  );

/** A multi-line text: line breaks and tabs allowed, other control characters not. */
export const IsCleanText = (field: string) =>
  ValidateBy({
    name: 'isCleanText',
    validator: {
      validate: (value: unknown) => value === null || value === undefined || (typeof value === 'string' && isCleanText(value)),
      defaultMessage: () => `${field} must not contain control characters`,
    },
  });

/** A required human-readable name: one line, not blank, at most 200 characters. */
export const IsName = (field = 'name') =>
  applyDecorators(
    IsSingleLine(field),
    Matches(/\S/, { message: `${field} must not be empty` }),
    MaxLength(200, { message: `${field} must be at most 200 characters` }),
  );

/** An optional multi-line free text of at most `max` characters. */
export const IsOptionalText = (field: string, max: number) =>
  applyDecorators(IsOptional(), IsCleanText(field), MaxLength(max, { message: `${field} must be at most ${max} characters` }));

/** An optional single-line text (a place, say) of at most `max` characters. */
export const IsOptionalLine = (field: string, max: number) =>
  applyDecorators(IsOptional(), IsSingleLine(field), MaxLength(max, { message: `${field} must be at most ${max} characters` }));

/** A whole number within [min, max], with messages naming the field. */
export const IsIntBetween = (field: string, min: number, max: number) =>
  applyDecorators(
    IsInt({ message: `${field} must be a whole number` }),
    Min(min, { message: `${field} must be at least ${min}` }),
    Max(max, { message: `${field} must be at most ${max}` }),
  );

/** An optional link people open (a Jitsi room, say): http(s) only, never javascript: or data:. */
export const IsOptionalHttpUrl = (field: string) =>
  applyDecorators(
    IsOptional(),
    IsSingleLine(field),
    MaxLength(2000, { message: `${field} must be at most 2000 characters` }),
    IsUrl({ protocols: ['https', 'http'], require_protocol: true }, { message: `${field} must be an http(s) URL` }),
  );
