import { writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formJsonSchemaText } from './form-json-schema.js';

/** `data/form.schema.json`, the same from src/load and dist/load. */
export const JSON_SCHEMA_FILE = fileURLToPath(new URL('../../data/form.schema.json', import.meta.url));

/** `npm run schema`: regenerates the editor schema after the zod schema changed. */
export async function writeJsonSchema(file: string = JSON_SCHEMA_FILE): Promise<void> {
  await writeFile(file, formJsonSchemaText());
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await writeJsonSchema();
  console.log(`已写入 ${JSON_SCHEMA_FILE}`);
}
