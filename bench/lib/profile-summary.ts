/** The heaviest functions and packages of a V8 CPU profile (.cpuprofile), as text. */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface ProfileSummary {
  totalMs: number;
  idlePercent: number;
  topFunctions: { name: string; where: string; selfMs: number; selfPercent: number }[];
  topPackages: { name: string; selfMs: number; selfPercent: number; inclusivePercent: number }[];
  topAppFunctions: { name: string; where: string; inclusivePercent: number }[];
  text: string;
}

/** "node_modules/typeorm/…" → "typeorm"; "src/readings/x.ts" → "src/readings"; node internals → "(node)". */
function packageOf(url: string, root: string): string {
  if (!url) return '(native/V8)';
  if (url.startsWith('node:')) return '(node)';
  const path = url.replace(/^file:\/\//, '');
  const modules = path.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const parts = path.slice(modules + '/node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  if (path.startsWith(root)) {
    const relative = path.slice(root.length + 1).split('/');
    return relative.slice(0, Math.min(2, relative.length - 1)).join('/') || relative[0];
  }
  return path;
}

function shortWhere(url: string, line: number, root: string): string {
  const path = url.replace(/^file:\/\//, '');
  const modules = path.lastIndexOf('/node_modules/');
  const shown = modules >= 0 ? path.slice(modules + 1) : path.startsWith(root) ? path.slice(root.length + 1) : path;
  return shown ? `${shown}:${line + 1}` : '';
}

export function summarizeProfile(profile: CpuProfile, root: string, top = 15): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const selfUs = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    // A sample's time is the delta to the next sample.
    const us = deltas[i + 1] ?? 0;
    selfUs.set(samples[i], (selfUs.get(samples[i]) ?? 0) + us);
  }
  const totalUs = [...selfUs.values()].reduce((a, b) => a + b, 0) || 1;
  const isIdle = (n: ProfileNode) => ['(idle)', '(program)', '(garbage collector)'].includes(n.callFrame.functionName);
  const idleUs = profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').reduce((s, n) => s + (selfUs.get(n.id) ?? 0), 0);
  const busyUs = totalUs - idleUs || 1;

  const functions = new Map<string, { name: string; where: string; us: number }>();
  const packages = new Map<string, { self: number; inclusive: number }>();
  const appInclusive = new Map<string, { name: string; where: string; us: number }>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id)!;
    if (node.callFrame.functionName === '(idle)') continue;
    const frame = node.callFrame;
    const name = frame.functionName || '(anonymous)';
    // Native frames have no location (and V8 often names them after an unrelated symbol): say which code called them.
    const where = frame.url || isIdle(node) ? shortWhere(frame.url, frame.lineNumber, root) : `native, via ${callerPackage(id)}`;
    const key = `${name}@${where}`;
    const entry = functions.get(key) ?? { name, where, us: 0 };
    entry.us += us;
    functions.set(key, entry);
    const pkg = isIdle(node) ? frame.functionName : packageOf(frame.url, root);
    const p = packages.get(pkg) ?? { self: 0, inclusive: 0 };
    p.self += us;
    packages.set(pkg, p);
    // Inclusive time per package and per app function: count each ancestor package/function once per sample stack.
    const seenPackages = new Set<string>([pkg]);
    const seenFunctions = new Set<string>();
    for (let cursor: number | undefined = id; cursor !== undefined; cursor = parent.get(cursor)) {
      const f = byId.get(cursor)!.callFrame;
      const ancestorPkg = packageOf(f.url, root);
      if (f.url && !seenPackages.has(ancestorPkg)) {
        seenPackages.add(ancestorPkg);
        const a = packages.get(ancestorPkg) ?? { self: 0, inclusive: 0 };
        a.inclusive += us;
        packages.set(ancestorPkg, a);
      }
      if (f.url.includes('/src/') && !f.url.includes('/node_modules/')) {
        const fname = f.functionName || '(anonymous)';
        const fwhere = shortWhere(f.url, f.lineNumber, root);
        const fkey = `${fname}@${fwhere}`;
        if (!seenFunctions.has(fkey)) {
          seenFunctions.add(fkey);
          const e = appInclusive.get(fkey) ?? { name: fname, where: fwhere, us: 0 };
          e.us += us;
          appInclusive.set(fkey, e);
        }
      }
    }
    p.inclusive += us;
  }
  function callerPackage(id: number): string {
    for (let cursor = parent.get(id); cursor !== undefined; cursor = parent.get(cursor)) {
      const url = byId.get(cursor)!.callFrame.url;
      if (url && !url.startsWith('node:')) return packageOf(url, root);
    }
    return '(node)';
  }
  const pct = (us: number) => Math.round((us / busyUs) * 1000) / 10;
  const topFunctions = [...functions.values()]
    .sort((a, b) => b.us - a.us)
    .slice(0, top)
    .map((f) => ({ name: f.name, where: f.where, selfMs: Math.round(f.us / 1000), selfPercent: pct(f.us) }));
  const topPackages = [...packages.entries()]
    .sort((a, b) => b[1].self - a[1].self)
    .slice(0, top)
    .map(([name, p]) => ({ name, selfMs: Math.round(p.self / 1000), selfPercent: pct(p.self), inclusivePercent: pct(p.inclusive) }));
  const topAppFunctions = [...appInclusive.values()]
    .sort((a, b) => b.us - a.us)
    .slice(0, top)
    .map((f) => ({ name: f.name, where: f.where, inclusivePercent: pct(f.us) }));

  const lines = [
    `profiled ${Math.round(totalUs / 1000)} ms, of which idle ${Math.round((idleUs / totalUs) * 100)}%; percentages below are of the busy time`,
    'heaviest functions (self time):',
    ...topFunctions.map((f) => `  ${f.selfPercent.toFixed(1).padStart(5)}%  ${f.name}  ${f.where}`),
    'by package (self % / inclusive %):',
    ...topPackages.map((p) => `  ${p.selfPercent.toFixed(1).padStart(5)}% / ${p.inclusivePercent.toFixed(1).padStart(5)}%  ${p.name}`),
    'app functions (inclusive time):',
    ...topAppFunctions.map((f) => `  ${f.inclusivePercent.toFixed(1).padStart(5)}%  ${f.name}  ${f.where}`),
  ];
  return {
    totalMs: Math.round(totalUs / 1000),
    idlePercent: Math.round((idleUs / totalUs) * 1000) / 10,
    topFunctions,
    topPackages,
    topAppFunctions,
    text: lines.join('\n'),
  };
}
