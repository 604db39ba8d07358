// Ordering helpers over node ids and edges: topological order and the loops that prevent one.
import { pushTo } from "./multimap";

type Link = { source: string; target: string };

/** Kahn's algorithm; ties keep the given node order, so plans are stable. Returns null when there is a cycle. */
export function topologicalOrder(nodeIds: string[], links: Link[]): string[] | null {
  const indegree = new Map(nodeIds.map((id) => [id, 0]));
  const outgoing = new Map<string, string[]>();
  for (const link of links) {
    indegree.set(link.target, (indegree.get(link.target) ?? 0) + 1);
    pushTo(outgoing, link.source, link.target);
  }
  const queue = nodeIds.filter((id) => indegree.get(id) === 0);
  for (let head = 0; head < queue.length; head += 1) {
    for (const next of outgoing.get(queue[head]!) ?? []) {
      const remaining = indegree.get(next)! - 1;
      indegree.set(next, remaining);
      if (remaining === 0) queue.push(next);
    }
  }
  return queue.length === nodeIds.length ? queue : null;
}

/** Groups of nodes that reach each other (Tarjan, iterative so 2,000-node graphs cannot overflow the stack). */
export function findStronglyConnected(nodeIds: string[], links: Link[]): string[][] {
  const outgoing = new Map<string, string[]>();
  const selfLoops = new Set<string>();
  for (const link of links) {
    pushTo(outgoing, link.source, link.target);
    if (link.source === link.target) selfLoops.add(link.source);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let counter = 0;
  for (const root of nodeIds) {
    if (index.has(root)) continue;
    const work: Array<{ id: string; next: number }> = [];
    const enter = (id: string) => {
      index.set(id, counter);
      low.set(id, counter++);
      stack.push(id);
      onStack.add(id);
      work.push({ id, next: 0 });
    };
    enter(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const targets = outgoing.get(frame.id) ?? [];
      if (frame.next < targets.length) {
        const target = targets[frame.next++]!;
        if (!index.has(target)) enter(target);
        else if (onStack.has(target)) low.set(frame.id, Math.min(low.get(frame.id)!, index.get(target)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) !== index.get(frame.id)) continue;
      const component = popComponent(stack, onStack, frame.id);
      if (component.length > 1 || selfLoops.has(frame.id)) cycles.push(component);
    }
  }
  return cycles;
}

function popComponent(stack: string[], onStack: Set<string>, root: string): string[] {
  const component: string[] = [];
  let member: string;
  do {
    member = stack.pop()!;
    onStack.delete(member);
    component.push(member);
  } while (member !== root);
  return component.reverse();
}
