import { describe, expect, it } from 'vitest';
import type { TreeNode } from '../../modules/organisations/org.contract';
import { ancestorsOf, indexTree, isUnderAny, nest, subtreeIds } from './tree-index';

const node = (id: string, parentId: string | null, level: TreeNode['level'] = 'centre'): TreeNode => ({
  id,
  parentId,
  level,
  unitKind: null,
  name: id,
  depth: 0,
  sortOrder: 0,
});

// A town admin's view: the town's parent (the county) is not in the list.
const nodes = [node('town', 'county', 'town'), node('v1', 'town'), node('v2', 'town'), node('u1', 'v1', 'unit')];

describe('tree index', () => {
  const index = indexTree(nodes);

  it('makes a node whose parent is not visible a root', () => {
    expect(index.roots.map((n) => n.id)).toEqual(['town']);
    expect(index.children.get('town')?.map((n) => n.id)).toEqual(['v1', 'v2']);
  });

  it('finds ancestors (visible ones only), subtrees and reach', () => {
    expect(ancestorsOf(index, 'u1').map((n) => n.id)).toEqual(['town', 'v1']);
    expect([...subtreeIds(index, 'v1')].sort()).toEqual(['u1', 'v1']);
    expect(isUnderAny(index, 'u1', new Set(['v1']))).toBe(true);
    expect(isUnderAny(index, 'v2', new Set(['v1']))).toBe(false);
  });

  it('nests for antd with key and value', () => {
    const [root] = nest(index, (n) => ({ title: n.name }));
    expect(root.key).toBe('town');
    expect(root.children?.map((c) => c.value)).toEqual(['v1', 'v2']);
    expect(root.children?.[1].children).toBeUndefined();
  });
});
