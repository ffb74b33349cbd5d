import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

export const MAX_DEPTH = 10;
export const MAX_ALIASES = 30;
export const MAX_COST = 5000;
export const MAX_QUERY_BYTES = 20_000;

const reject = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

function depthOf(
  set: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  seen: Set<string>,
): number {
  if (!set) return 0;
  let max = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) {
      if (sel.name.value.startsWith('__')) continue;
      max = Math.max(max, 1 + depthOf(sel.selectionSet, fragments, seen));
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      max = Math.max(max, depthOf(sel.selectionSet, fragments, seen));
    } else if (sel.kind === Kind.FRAGMENT_SPREAD) {
      const name = sel.name.value;
      if (seen.has(name)) continue; // cycles are reported by the standard rules
      const frag = fragments[name];
      if (frag) max = Math.max(max, depthOf(frag.selectionSet, fragments, new Set([...seen, name])));
    }
  }
  return max;
}

/** Refuses documents nested deeper than MAX_DEPTH fields. */
export function depthLimitRule(maxDepth = MAX_DEPTH) {
  return (context: ValidationContext): ASTVisitor => {
    const doc = context.getDocument();
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const def of doc.definitions)
      if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;
    for (const def of doc.definitions) {
      if (def.kind !== Kind.OPERATION_DEFINITION) continue;
      const d = depthOf(def.selectionSet, fragments, new Set());
      if (d > maxDepth)
        context.reportError(reject(`Query is too deep: depth ${d}, at most ${maxDepth} allowed`));
    }
    return {};
  };
}

/** Refuses documents with more than MAX_ALIASES aliases (alias amplification, brute force). */
export function aliasLimitRule(maxAliases = MAX_ALIASES) {
  return (context: ValidationContext): ASTVisitor => {
    let count = 0;
    return {
      Field(node) {
        if (node.alias) {
          count++;
          if (count === maxAliases + 1)
            context.reportError(reject(`Too many aliases: at most ${maxAliases} allowed`));
        }
      },
    };
  };
}
