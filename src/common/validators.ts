import { applyDecorators } from '@nestjs/common';
import { IsOptional, IsUUID, Matches, MaxLength } from 'class-validator';

/** An id argument: a UUID, with a message naming the field. */
export const IsId = (field: string) => IsUUID('all', { message: `${field} must be a UUID` });

/** A required human-readable name: not blank, at most 200 characters. */
export const IsName = (field = 'name') =>
  applyDecorators(Matches(/\S/, { message: `${field} must not be empty` }), MaxLength(200, { message: `${field} must be at most 200 characters` }));

/** An optional free text of at most `max` characters. */
export const IsOptionalText = (field: string, max: number) =>
  applyDecorators(IsOptional(), MaxLength(max, { message: `${field} must be at most ${max} characters` }));
