import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

/** Functions, methods and arrow functions of a file with their line counts. */
function functionLengths(file: string): Array<{ name: string; lines: number }> {
  const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const out: Array<{ name: string; lines: number }> = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isConstructorDeclaration(node)) {
      const start = src.getLineAndCharacterOfPosition(node.getStart()).line, end = src.getLineAndCharacterOfPosition(node.getEnd()).line;
      const name = (node as { name?: ts.Node }).name?.getText(src) ?? `${ts.SyntaxKind[node.kind]}@${start + 1}`;
      out.push({ name: `${relative(root, file)}:${name}`, lines: end - start + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(src);
  return out;
}

describe('the app layer keeps its shape', () => {
  it('builds no Cesium3DTileStyle outside the Cesium adapter: every building colour is an overlay layer', () => {
    const offenders = filesUnder(join(root, 'src')).filter((f) => !f.includes('/src/view/cesium/') && /Cesium3DTileStyle/.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });

  it('types window.twin in one place, without declare-module widening', () => {
    // `declare module './x'` widens one of our own modules (typings for an untyped package are fine).
    const widening = filesUnder(join(root, 'src')).filter((f) => /declare module ['"]\./.test(readFileSync(f, 'utf8')));
    expect(widening.map((f) => relative(root, f))).toEqual([]);
  });

  it('has no function over 50 lines under src/app', () => {
    const long = filesUnder(join(root, 'src/app')).flatMap(functionLengths).filter((f) => f.lines > 50);
    expect(long).toEqual([]);
  });
});
