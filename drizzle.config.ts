import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: [
    './db/tables/citizens.ts',
    './db/tables/communes.ts',
    './db/tables/documents.ts',
    './db/tables/vehicles.ts',
    './db/tables/patrimony.ts',
    './db/tables/disputes.ts',
    './db/tables/platform.ts',
    './db/tables/education.ts',
    './db/tables/hygiene.ts',
    './db/tables/associations.ts',
  ],
  out: './db/migrations',
  schemaFilter: [
    'citizens',
    'communes',
    'documents',
    'vehicles',
    'patrimony',
    'disputes',
    'platform',
    'education',
    'hygiene',
    'associations',
  ],
});
