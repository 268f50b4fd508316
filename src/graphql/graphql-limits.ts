import { GraphQLError, Kind, type ASTVisitor, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext } from 'graphql';

/**
 * Every limit on a GraphQL request, in one place (the README's "Limits and failure behaviour"
 * lists them). Chosen with margin over the real queries (test/support/real-queries.ts, checked by
 * test/e2e/graphql-limits.e2e-spec.ts): the web client's deepest query (network → groups →
 * children → meetings → agenda → presenter), its meeting detail and the bench queries all pass;
 * field duplication (hundreds of repeated fields) does not. Every refusal is BAD_USER_INPUT with
 * HTTP 400, before anything executes.
 */
export const GRAPHQL_LIMITS = {
  /**
   * Lexer tokens per document (the biggest real query: 185), checked by graphql-js while parsing, so
   * a bigger document is never parsed in full. It also bounds validation: graphql-js compares
   * repeated fields pairwise, ~20 ms at 1,000 tokens of duplicates and ~50 ms at 2,000.
   */
  maxTokens: 1000,
  /** Nesting of selections as graphql-armor counts it (the deepest real queries: 7). */
  maxDepth: 12,
  /**
   * Selected fields in the whole operation, every fragment spread counted where it is used (the
   * biggest real query: 104, ~125 with the __typename urql adds to every selection).
   */
  maxFields: 300,
  /** graphql-armor's cost (objects 2, scalars 1, ×1.5 per level); the biggest real query costs ~550. */
  maxCost: 5000,
  maxAliases: 15,
  maxDirectives: 50,
} as const;

const tooBig = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

/** A number the German way (1000 → "1.000"). Local: the web client's tests import this file, so it imports only graphql. */
const de = (n: number) => new Intl.NumberFormat('de-DE').format(n);

/** The German refusals, one per limit ("found" is what the request had, when known). */
const found = (n: number | null) => (n === null ? '' : ` (gefunden: ${de(n)})`);
export const tooManyTokens = (max: number) => `Die Anfrage ist zu groß: Sie darf höchstens ${de(max)} Token enthalten.`;
export const tooManyFields = (max: number) => `Die Anfrage wählt zu viele Felder aus: Erlaubt sind höchstens ${de(max)}.`;
const ARMOR_MESSAGES = {
  maxDepth: (max: number, n: number | null) => `Die Anfrage ist zu tief verschachtelt: Erlaubt sind höchstens ${de(max)} Ebenen${found(n)}.`,
  costLimit: (max: number, n: number | null) => `Die Anfrage ist zu aufwendig: Erlaubt sind Kosten von höchstens ${de(max)}${found(n)}.`,
  maxAliases: (max: number, n: number | null) => `Die Anfrage verwendet zu viele Aliasnamen: Erlaubt sind höchstens ${de(max)}${found(n)}.`,
  maxDirectives: (max: number, n: number | null) => `Die Anfrage verwendet zu viele Direktiven: Erlaubt sind höchstens ${de(max)}${found(n)}.`,
};

/**
 * graphql-armor's settings for one limit: its refusal is reported to the validation context
 * (HTTP 400, BAD_USER_INPUT, like every other limit) with the German message instead of armor's
 * English "Syntax Error: … limit of N exceeded, found M." (whose M is kept).
 */
export function armorLimit(limit: keyof typeof ARMOR_MESSAGES, max: number) {
  return {
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => {
        const n = /found (\d+)/.exec(error.message);
        context?.reportError(tooBig(ARMOR_MESSAGES[limit](max, n ? Number(n[1]) : null)));
      },
    ],
  };
}

/**
 * Refuses an operation that selects more than `max` fields, counting each fragment spread where
 * it is used: field duplication ({ me { id id id … } }) is refused before anything executes.
 * Introspection (`__schema`, `__type`) is not counted; it is off in production.
 */
export function maxFieldsRule(max: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    const count = (set: SelectionSetNode, seen: Set<string>, budget: number): number => {
      let n = 0;
      for (const selection of set.selections) {
        if (n > budget) return n;
        if (selection.kind === Kind.FIELD) {
          if (selection.name.value === '__schema' || selection.name.value === '__type') continue;
          n += 1;
          if (selection.selectionSet) n += count(selection.selectionSet, seen, budget - n);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          n += count(selection.selectionSet, seen, budget - n);
        } else {
          const fragment = fragments.get(selection.name.value);
          // A fragment that spreads itself is refused by graphql-js's own NoFragmentCycles rule.
          if (!fragment || seen.has(fragment.name.value)) continue;
          n += count(fragment.selectionSet, new Set([...seen, fragment.name.value]), budget - n);
        }
      }
      return n;
    };
    return {
      OperationDefinition(node) {
        const fields = count(node.selectionSet, new Set(), max);
        if (fields > max) context.reportError(tooBig(tooManyFields(max)));
      },
    };
  };
}
