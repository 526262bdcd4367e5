#!/usr/bin/env node
// Fails when modules under src/ import each other in a circle (docs/architecture.md: dependencies run one
// way, so a module can be read, tested and moved without the ones that use it). Type-only imports count
// too: a circle of types is a circle of ideas. Run by `npm run lint`.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import process from 'node:process';

const ROOT = join(import.meta.dirname, '..');
const SRC = join(ROOT, 'src');
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)(['"])(\.{1,2}\/[^'"]+)\1/gm;

function sources(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sources(path, out);
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

/** Module → the modules of ours it imports. */
export function importGraph(files) {
  const graph = new Map(files.map((file) => [file, new Set()]));
  for (const file of files) {
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = resolve(dirname(file), match[2]);
      if (graph.has(target)) graph.get(file).add(target);
    }
  }
  return graph;
}

/** The strongly connected components with more than one module, or a module importing itself (Tarjan). */
export function cycles(graph) {
  let index = 0;
  const indices = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  const visit = (node) => {
    indices.set(node, index);
    low.set(node, index);
    index += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node)) {
      if (!indices.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node), indices.get(next)));
      }
    }
    if (low.get(node) === indices.get(node)) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || graph.get(node).has(node)) found.push(component);
    }
  };
  for (const node of graph.keys()) if (!indices.has(node)) visit(node);
  return found;
}

const found = cycles(importGraph(sources(SRC)));
if (found.length > 0) {
  for (const component of found) {
    const names = component.map((file) => relative(ROOT, file)).sort();
    process.stderr.write(`Import cycle between ${names.length} modules:\n  ${names.join('\n  ')}\n`);
  }
  process.exit(1);
}
process.stdout.write('No import cycles in src/.\n');
