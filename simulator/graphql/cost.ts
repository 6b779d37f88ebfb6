// Calculated query cost, as documented for the GraphQL Admin API:
// scalars/enums 0, objects 1, connections 2 + size × (cost of one node),
// mutations 10; a single query may not exceed 1,000 points.
// https://shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits
import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
  valueFromASTUntyped,
} from "graphql";

export const MAX_QUERY_COST = 1000;
const MUTATION_COST = 10;

interface CostInput {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

function argNumber(node: FieldNode, name: string, input: CostInput): number | null {
  const arg = node.arguments?.find((a) => a.name.value === name);
  if (!arg) return null;
  const v = valueFromASTUntyped(arg.value as ValueNode, input.variables);
  return typeof v === "number" ? v : null;
}

function isConnection(typeName: string): boolean {
  return typeName.endsWith("Connection");
}

function fieldsOf(set: SelectionSetNode, input: CostInput): { node: FieldNode; typeCondition: string | null }[] {
  const out: { node: FieldNode; typeCondition: string | null }[] = [];
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) out.push({ node: sel, typeCondition: null });
    else if (sel.kind === Kind.INLINE_FRAGMENT) {
      const cond = sel.typeCondition?.name.value ?? null;
      for (const f of fieldsOf(sel.selectionSet, input))
        out.push({ node: f.node, typeCondition: f.typeCondition ?? cond });
    } else {
      const frag = input.fragments[sel.name.value];
      if (!frag) continue;
      for (const f of fieldsOf(frag.selectionSet, input))
        out.push({ node: f.node, typeCondition: f.typeCondition ?? frag.typeCondition.name.value });
    }
  }
  return out;
}

/** Children cost of `set` on `parent`; `data` (the executed result) switches to actual cost. */
function selectionCost(
  set: SelectionSetNode | undefined,
  parent: GraphQLCompositeType,
  input: CostInput,
  data: unknown,
): number {
  if (!set) return 0;
  let total = 0;
  const byCondition = new Map<string, number>();
  for (const { node, typeCondition } of fieldsOf(set, input)) {
    const owner = typeCondition ? input.schema.getType(typeCondition) : parent;
    if (!owner || !(isObjectType(owner) || isInterfaceType(owner))) continue;
    const def = owner.getFields()[node.name.value];
    if (!def) continue;
    const key = node.alias?.value ?? node.name.value;
    const value = data && typeof data === "object" ? (data as Record<string, unknown>)[key] : undefined;
    const cost = fieldCost(node, def.type, input, data === undefined ? undefined : value);
    if (typeCondition && typeCondition !== parent.name)
      byCondition.set(typeCondition, (byCondition.get(typeCondition) ?? 0) + cost);
    else total += cost;
  }
  // Interfaces/unions cost the maximum of the possible selections.
  return total + Math.max(0, ...byCondition.values());
}

function fieldCost(
  node: FieldNode,
  type: Parameters<typeof getNamedType>[0],
  input: CostInput,
  value: unknown,
): number {
  const named = getNamedType(type);
  if (!named || !isCompositeType(named)) return 0;
  if (value === null) return 0;
  if (isConnection(named.name)) {
    const size =
      value !== undefined
        ? connectionSize(value)
        : (argNumber(node, "first", input) ?? argNumber(node, "last", input) ?? 0);
    const perItem = connectionItemCost(node, named, input, value);
    return 2 + size * perItem;
  }
  const nullable = getNullableType(type);
  if (isListType(nullable) && Array.isArray(value)) {
    return value.reduce<number>((n, item) => n + 1 + selectionCost(node.selectionSet, named, input, item), 0);
  }
  return 1 + selectionCost(node.selectionSet, named, input, value);
}

function connectionSize(value: unknown): number {
  const v = value as { edges?: unknown[]; nodes?: unknown[] } | undefined;
  return Math.max(v?.edges?.length ?? 0, v?.nodes?.length ?? 0);
}

/** Cost of one item of a connection: edges{node{…}} and nodes{…}; pageInfo is free. */
function connectionItemCost(node: FieldNode, connType: GraphQLCompositeType, input: CostInput, value: unknown): number {
  if (!node.selectionSet || !("getFields" in connType)) return 0;
  const v = value as { edges?: { node?: unknown }[]; nodes?: unknown[] } | undefined;
  let perItem = 0;
  for (const { node: child } of fieldsOf(node.selectionSet, input)) {
    const name = child.name.value;
    if (name === "nodes") {
      const itemType = getNamedType(connType.getFields().nodes?.type);
      if (itemType && isCompositeType(itemType))
        perItem += 1 + selectionCost(child.selectionSet, itemType, input, v?.nodes?.[0]);
    } else if (name === "edges" && child.selectionSet) {
      const edgeType = getNamedType(connType.getFields().edges?.type);
      if (!edgeType || !isCompositeType(edgeType) || !("getFields" in edgeType)) continue;
      for (const { node: edgeChild } of fieldsOf(child.selectionSet, input)) {
        if (edgeChild.name.value !== "node") continue;
        const nodeType = getNamedType(edgeType.getFields().node?.type);
        if (nodeType && isCompositeType(nodeType))
          perItem += 1 + selectionCost(edgeChild.selectionSet, nodeType, input, v?.edges?.[0]?.node);
      }
    }
  }
  return perItem;
}

export function requestedCost(
  schema: GraphQLSchema,
  op: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): number {
  const input = { schema, fragments, variables };
  if (op.operation === "mutation") return op.selectionSet.selections.length * MUTATION_COST;
  const root = schema.getQueryType();
  return root ? selectionCost(op.selectionSet, root, input, undefined) : 0;
}

export function actualCost(
  schema: GraphQLSchema,
  op: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  data: unknown,
): number {
  if (op.operation === "mutation") return requestedCost(schema, op, fragments, variables);
  const root = schema.getQueryType();
  return root ? selectionCost(op.selectionSet, root, { schema, fragments, variables }, data ?? {}) : 0;
}
