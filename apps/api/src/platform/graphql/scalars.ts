import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';

const DECIMAL_RE = /^-?\d{1,15}(\.\d{1,6})?$/;

function parseDecimal(value: unknown): string {
  const s = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : null;
  if (s === null || !DECIMAL_RE.test(s)) {
    throw new GraphQLError('Decimal must be a string like "1234.56" (at most 6 decimals)', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return s;
}

/** Exact decimal numbers (money, FTE) travel as strings, never as floats. */
export const DecimalScalar = new GraphQLScalarType({
  name: 'Decimal',
  description: 'An exact decimal number as a string, e.g. "42000.00". Never a float.',
  serialize: (v) => String(v),
  parseValue: parseDecimal,
  parseLiteral: (ast: ValueNode) => {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT) return parseDecimal(ast.value);
    throw new GraphQLError('Decimal must be a string', { extensions: { code: 'BAD_USER_INPUT' } });
  },
});

/** Arbitrary JSON, for audit before/after snapshots (output only). */
export const JsonScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Arbitrary JSON value (read-only snapshots).',
  serialize: (v) => v,
  parseValue: () => {
    throw new GraphQLError('JSON is output only', { extensions: { code: 'BAD_USER_INPUT' } });
  },
  parseLiteral: () => {
    throw new GraphQLError('JSON is output only', { extensions: { code: 'BAD_USER_INPUT' } });
  },
});
