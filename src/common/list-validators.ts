import { applyDecorators } from '@nestjs/common';
import { ArrayMaxSize, ArrayMinSize, IsOptional, IsUrl, IsUUID, Matches, MaxLength } from 'class-validator';

/**
 * Rules for list arguments, beside the single-value rules in validators.ts (the validation pipe
 * checks every string, list elements included, for control characters).
 */

/** A list of ids: UUIDs, between `min` and `max` of them. */
export const IsIdList = (field: string, min: number, max: number) =>
  applyDecorators(
    ArrayMinSize(min, { message: `${field} must list at least ${min}` }),
    ArrayMaxSize(max, { message: `${field} must list at most ${max}` }),
    IsUUID('all', { each: true, message: `${field} must be UUIDs` }),
  );

/** An optional list of ids, at most `max`. */
export const IsOptionalIdList = (field: string, max: number) =>
  applyDecorators(IsOptional(), ArrayMaxSize(max, { message: `${field} must list at most ${max}` }), IsUUID('all', { each: true, message: `${field} must be UUIDs` }));

/** An optional list of short labels (tags, keys): each not blank and at most `maxLength` characters. */
export const IsOptionalLabels = (field: string, maxItems: number, maxLength: number) =>
  applyDecorators(
    IsOptional(),
    ArrayMaxSize(maxItems, { message: `${field} must list at most ${maxItems}` }),
    Matches(/\S/, { each: true, message: `${field} must not contain empty entries` }),
    MaxLength(maxLength, { each: true, message: `${field} entries must be at most ${maxLength} characters` }),
  );

/** An optional list of links people open: http(s) only, never javascript: or data:. */
export const IsOptionalHttpUrls = (field: string, maxItems: number) =>
  applyDecorators(
    IsOptional(),
    ArrayMaxSize(maxItems, { message: `${field} must list at most ${maxItems}` }),
    MaxLength(2000, { each: true, message: `${field} entries must be at most 2000 characters` }),
    IsUrl({ protocols: ['https', 'http'], require_protocol: true }, { each: true, message: `${field} must be http(s) URLs` }),
  );
