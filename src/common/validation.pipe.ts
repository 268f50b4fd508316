import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { DomainError } from './domain-error.js';
import { findUncleanString } from './text-rules.js';

/**
 * What is input: GraphQL arguments reach pipes as 'body' (data = the argument's name), HTTP routes
 * as 'body', 'query' and 'param'. Parent, context, info and custom decorators are not input.
 */
const INPUT_TYPES = new Set<unknown>(['body', 'query', 'param']);

function flatten(errors: ValidationError[], prefix = ''): { field: string; message: string }[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/**
 * The edge for every GraphQL argument: first no string anywhere in it may carry control
 * characters (other than tab and line breaks) or broken Unicode, then class-validator runs the
 * input class's rules. Failures are BAD_USER_INPUT naming each field ("<field>: <German text>").
 */
class EdgeValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (INPUT_TYPES.has(metadata.type)) {
      // An object argument (input: {...}) names fields inside it; a scalar or list argument is named
      // itself (a list's entries as "fieldOfActionKeys.0").
      const isObject = value !== null && typeof value === 'object' && !Array.isArray(value);
      const field = findUncleanString(value, isObject ? '' : (metadata.data ?? 'value'));
      if (field !== null) {
        throw new DomainError('BAD_USER_INPUT', `${field}: darf keine Steuerzeichen oder ungültigen Zeichen enthalten`, { fields: [field] });
      }
    }
    // An omitted or null optional argument stays as it is: Nest's pipe would turn a null enum into "".
    if (value === null || value === undefined) return value;
    return super.transform(value, metadata);
  }
}

/** class-validator on every input; failures become BAD_USER_INPUT naming each field. */
export function createValidationPipe(): ValidationPipe {
  return new EdgeValidationPipe({
    transform: true,
    whitelist: false,
    stopAtFirstError: true,
    exceptionFactory: (errors) => {
      const problems = flatten(errors);
      // The rules' messages are the German text only; the field's path goes in front, exactly as
      // extensions.fields names it: "title: darf nicht leer sein; durationMinutes: muss mindestens 1 sein".
      const message = problems.map((p) => `${p.field}: ${p.message}`).join('; ');
      return new DomainError('BAD_USER_INPUT', message, { fields: problems.map((p) => p.field) });
    },
  });
}
