/** Resident memory of a process and everything under it, read from /proc (Linux). */
import { readdirSync, readFileSync } from 'node:fs';

export interface TreeMember {
  pid: number;
  command: string;
  rssKb: number;
}

function parentOf(pid: number): number | undefined {
  try {
    // The command in field 2 may hold spaces and parentheses: the parent pid is the 2nd field after the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

function member(pid: number): TreeMember | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
    return { pid, command, rssKb };
  } catch {
    return undefined;
  }
}

/** The root and all its descendants that are alive now. */
export function processTree(root: number): TreeMember[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const parent = parentOf(pid);
    if (parent !== undefined) children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  const members: TreeMember[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift()!;
    const found = member(pid);
    if (found) members.push(found);
    queue.push(...(children.get(pid) ?? []));
  }
  return members;
}

export function treeRssMb(root: number): number {
  return processTree(root).reduce((sum, m) => sum + m.rssKb, 0) / 1024;
}
