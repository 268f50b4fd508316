import { applyDecorators } from '@nestjs/common';
import { IsInt, IsOptional, IsUrl, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

/** An id argument: a UUID, with a message naming the field. */
export const IsId = (field: string) => IsUUID('all', { message: `${field} must be a UUID` });

/** A required human-readable name: not blank, at most 200 characters. */
export const IsName = (field = 'name') =>
  applyDecorators(Matches(/\S/, { message: `${field} must not be empty` }), MaxLength(200, { message: `${field} must be at most 200 characters` }));

/** An optional free text of at most `max` characters. */
export const IsOptionalText = (field: string, max: number) =>
  applyDecorators(IsOptional(), MaxLength(max, { message: `${field} must be at most ${max} characters` }));

/** A whole number within [min, max], with messages naming the field. */
export const IsIntBetween = (field: string, min: number, max: number) =>
  applyDecorators(
    IsInt({ message: `${field} must be a whole number` }),
    Min(min, { message: `${field} must be at least ${min}` }),
    Max(max, { message: `${field} must be at most ${max}` }),
  );

/** An optional link people open (a Jitsi room, say): http(s) only, never javascript: or data:. */
export const IsOptionalHttpUrl = (field: string) =>
  applyDecorators(IsOptional(), IsUrl({ protocols: ['https', 'http'], require_protocol: true }, { message: `${field} must be an http(s) URL` }));
