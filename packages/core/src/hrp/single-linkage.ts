/**
 * Single-linkage clustering of n items under a dense distance matrix, in O(n²): the single-linkage
 * dendrogram is the minimum spanning tree (Prim) with its edges merged in increasing length (Gower & Ross
 * 1969). Returns the leaves in dendrogram order (quasi-diagonalisation): clusters are numbered like SciPy's
 * `linkage` (leaves 0 … n − 1, the k-th merge n + k) and the lower-numbered child is listed first.
 */
export function singleLinkageOrder(distance: Float64Array, n: number): number[] {
  if (n === 1) return [0];
  const edges = minimumSpanningTree(distance, n).sort((a, b) => a.length - b.length || a.from - b.from || a.to - b.to);
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const clusterOf = Int32Array.from({ length: n }, (_, i) => i);
  const children: [number, number][] = [];
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root]!;
    while (parent[i] !== root) {
      const next = parent[i]!;
      parent[i] = root;
      i = next;
    }
    return root;
  };
  for (const edge of edges) {
    const a = find(edge.from);
    const b = find(edge.to);
    const left = Math.min(clusterOf[a]!, clusterOf[b]!);
    const right = Math.max(clusterOf[a]!, clusterOf[b]!);
    children.push([left, right]);
    parent[b] = a;
    clusterOf[a] = n + children.length - 1;
  }
  const order: number[] = [];
  const stack = [n + children.length - 1];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (id < n) {
      order.push(id);
      continue;
    }
    const [left, right] = children[id - n]!;
    stack.push(right, left);
  }
  return order;
}

interface Edge {
  from: number;
  to: number;
  length: number;
}

function minimumSpanningTree(distance: Float64Array, n: number): Edge[] {
  const inTree = new Uint8Array(n);
  const best = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const link = new Int32Array(n).fill(-1);
  const edges: Edge[] = [];
  let current = 0;
  inTree[0] = 1;
  for (let added = 1; added < n; added++) {
    let next = -1;
    let nextLength = Number.POSITIVE_INFINITY;
    const row = current * n;
    for (let j = 0; j < n; j++) {
      if (inTree[j]) continue;
      const d = distance[row + j]!;
      if (d < best[j]!) {
        best[j] = d;
        link[j] = current;
      }
      if (best[j]! < nextLength || next < 0) {
        nextLength = best[j]!;
        next = j;
      }
    }
    inTree[next] = 1;
    edges.push({ from: Math.min(link[next]!, next), to: Math.max(link[next]!, next), length: nextLength });
    current = next;
  }
  return edges;
}
