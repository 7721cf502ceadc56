import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeFileAtomic } from '../build/write-file-atomic.js';
import { formJsonSchemaText } from './form-json-schema.js';

/** `data/form.schema.json`, the same from src/load and dist/load. */
export const JSON_SCHEMA_FILE = fileURLToPath(new URL('../../data/form.schema.json', import.meta.url));

/** Writes the editor schema (atomically: an editor reading it never sees half); `npm run schema` regenerates the repository's. */
export async function writeJsonSchema(file: string = JSON_SCHEMA_FILE, text: string = formJsonSchemaText()): Promise<void> {
  await writeFileAtomic(file, text);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await writeJsonSchema();
  console.log(`已写入 ${JSON_SCHEMA_FILE}`);
}
