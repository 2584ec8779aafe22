#!/usr/bin/env node
// Lists pairs of top-level folders under src/ that import each other.
// Usage: node scripts/folder-cycles.js [--no-specs]   (prints the pairs and their count; exit code 0)
// --no-specs leaves out *.spec.ts and *.fixtures.ts, to see what the running app imports.
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..', 'src');
const withSpecs = !process.argv.includes('--no-specs');
const importPattern = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;

function* sourceFiles(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'public') yield* sourceFiles(full);
    } else if (/\.ts$/.test(entry.name) && !/\.d\.ts$/.test(entry.name) && (withSpecs || !/\.(spec|fixtures)\.ts$/.test(entry.name))) {
      yield full;
    }
  }
}

function topFolder(absolute) {
  const relative = path.relative(root, absolute);
  if (relative.startsWith('..')) return null;
  const parts = relative.split(path.sep);
  return parts.length > 1 ? parts[0] : null;
}

function resolveTarget(file, specifier) {
  if (specifier.startsWith('src/')) return path.join(root, specifier.slice(4));
  if (specifier.startsWith('.')) return path.resolve(path.dirname(file), specifier);
  return null;
}

const edges = new Map();
for (const file of sourceFiles(root)) {
  const from = topFolder(file);
  if (!from) continue;
  const text = fs.readFileSync(file, 'utf8');
  for (const match of text.matchAll(importPattern)) {
    const target = resolveTarget(file, match[1] ?? match[2] ?? match[3]);
    const to = target && topFolder(target);
    if (!to || to === from) continue;
    if (!edges.has(from)) edges.set(from, new Map());
    const files = edges.get(from).get(to) ?? [];
    files.push(path.relative(root, file));
    edges.get(from).set(to, files);
  }
}

const pairs = [];
for (const [a, targets] of edges) {
  for (const b of targets.keys()) {
    if (a < b && edges.get(b)?.has(a)) pairs.push([a, b]);
  }
}
pairs.sort();
for (const [a, b] of pairs) {
  console.log(`${a} <-> ${b}`);
  console.log(`  ${a} -> ${b}: ${[...new Set(edges.get(a).get(b))].join(', ')}`);
  console.log(`  ${b} -> ${a}: ${[...new Set(edges.get(b).get(a))].join(', ')}`);
}
console.log(`folder pairs importing each other: ${pairs.length}`);
