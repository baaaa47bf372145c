import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { config } from '../../src/config.ts';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, string>;
}
interface Workflow {
  permissions: Record<string, string>;
  jobs: Record<string, { steps: Step[]; needs?: string }>;
}

const workflow = parse(readFileSync('.github/workflows/deploy.yml', 'utf8')) as Workflow;
const build = workflow.jobs.build?.steps ?? [];
const action = (steps: Step[], name: string) => steps.find((s) => s.uses?.startsWith(`${name}@`));

describe('the GitHub Pages workflow', () => {
  test('checks out, sets up Node, installs, builds, uploads the site, then deploys it', () => {
    const order = build.map((s) => s.uses?.split('@')[0] ?? s.run);
    expect(order).toEqual([
      'actions/checkout',
      'actions/setup-node',
      'npm install --no-audit --no-fund',
      'actions/cache',
      'npm run build',
      'actions/upload-pages-artifact',
    ]);
    expect(action(build, 'actions/upload-pages-artifact')?.with?.path).toBe('dist');
    expect(workflow.jobs.deploy?.needs).toBe('build');
    expect(action(workflow.jobs.deploy?.steps ?? [], 'actions/deploy-pages')).toBeDefined();
    expect(workflow.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
  });

  test('keeps the build caches the site really uses between runs', () => {
    const paths = (action(build, 'actions/cache')?.with?.path ?? '').trim().split('\n');
    expect(paths).toContain('node_modules/.astro');
    expect(paths).toContain(path.relative(process.cwd(), config.cacheDir));
  });

  test('sets no SITE_URL or BASE_PATH: the build infers them from the runner', () => {
    expect(readFileSync('.github/workflows/deploy.yml', 'utf8')).not.toMatch(
      /^\s*(SITE_URL|BASE_PATH):/m,
    );
  });
});
