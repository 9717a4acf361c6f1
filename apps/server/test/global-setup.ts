import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildPgliteTemplate, buildPostgresTemplate } from './template-database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabase: 'pglite' | 'postgres';
    pgliteTemplatePath: string;
    postgresAdminUrl: string;
    postgresTemplateName: string;
  }
}

/** Builds the migrated template database once per run; each test file restores a copy. */
export default async function setup(project: TestProject) {
  const driver = process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'pglite';
  project.provide('testDatabase', driver);
  if (driver === 'postgres') {
    const adminUrl = process.env.DATABASE_URL;
    if (!adminUrl) throw new Error('TEST_DATABASE=postgres needs DATABASE_URL');
    const templateName = `souk_template_${process.pid}`;
    await buildPostgresTemplate(adminUrl, templateName);
    project.provide('postgresAdminUrl', adminUrl);
    project.provide('postgresTemplateName', templateName);
    project.provide('pgliteTemplatePath', '');
    return async () => {
      const { default: pg } = await import('pg');
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists "${templateName}" with (force)`);
      await client.end();
    };
  }
  const directory = path.resolve('.tmp');
  mkdirSync(directory, { recursive: true });
  const templatePath = path.join(directory, `pglite-template-${process.pid}.tar`);
  writeFileSync(templatePath, await buildPgliteTemplate());
  project.provide('pgliteTemplatePath', templatePath);
  project.provide('postgresAdminUrl', '');
  project.provide('postgresTemplateName', '');
  return async () => {
    const { rmSync } = await import('node:fs');
    rmSync(templatePath, { force: true });
  };
}
