import type { TreeNode } from '../../modules/organisations/org.contract';

/** The flat tree from the API, indexed: roots, children by parent, nodes by id. */
export type TreeIndex = {
  nodes: TreeNode[];
  byId: Map<string, TreeNode>;
  children: Map<string, TreeNode[]>;
  roots: TreeNode[];
};

export function indexTree(nodes: TreeNode[]): TreeIndex {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const children = new Map<string, TreeNode[]>();
  const roots: TreeNode[] = [];
  // The API orders by depth, then sortOrder, then name, so pushing keeps that order.
  for (const n of nodes) {
    if (n.parentId && byId.has(n.parentId)) {
      const list = children.get(n.parentId) ?? [];
      list.push(n);
      children.set(n.parentId, list);
    } else {
      roots.push(n);
    }
  }
  return { nodes, byId, children, roots };
}

/** The node's ancestors that the user can see, nearest last. */
export function ancestorsOf(index: TreeIndex, id: string): TreeNode[] {
  const out: TreeNode[] = [];
  let cur = index.byId.get(id);
  while (cur?.parentId && index.byId.has(cur.parentId)) {
    cur = index.byId.get(cur.parentId)!;
    out.unshift(cur);
  }
  return out;
}

/** The ids of a node and everything under it. */
export function subtreeIds(index: TreeIndex, id: string): Set<string> {
  const out = new Set<string>();
  const stack = [id];
  while (stack.length) {
    const cur = stack.pop()!;
    out.add(cur);
    for (const c of index.children.get(cur) ?? []) stack.push(c.id);
  }
  return out;
}

/** True when `id` is one of `anyOf` or lies under one of them. */
export function isUnderAny(index: TreeIndex, id: string, anyOf: ReadonlySet<string>): boolean {
  let cur = index.byId.get(id);
  while (cur) {
    if (anyOf.has(cur.id)) return true;
    cur = cur.parentId ? index.byId.get(cur.parentId) : undefined;
  }
  return false;
}

/** Nested data for antd Tree / TreeSelect. */
export type NestedNode<T> = T & { key: string; value: string; children?: NestedNode<T>[] };

export function nest<T>(index: TreeIndex, make: (n: TreeNode) => T): NestedNode<T>[] {
  const build = (n: TreeNode): NestedNode<T> => {
    const kids = index.children.get(n.id);
    return { ...make(n), key: n.id, value: n.id, ...(kids?.length ? { children: kids.map(build) } : {}) };
  };
  return index.roots.map(build);
}
