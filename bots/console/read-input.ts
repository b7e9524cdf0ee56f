import { open } from 'node:fs/promises';

/** More than /read takes, so that a longer text is refused by its length rather than cut short here. */
const MOST_BYTES = 1 << 20;

export class InputFileError extends Error {}

async function readStream(stream: AsyncIterable<Buffer | string>): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    chunks.push(bytes);
    size += bytes.length;
    if (size > MOST_BYTES) break;
  }
  return Buffer.concat(chunks).subarray(0, MOST_BYTES).toString('utf8');
}

/** The text of `npm start -- read FILE` (`-` for standard input), at most 1 MiB of it. */
export async function readInput(file: string, stdin: AsyncIterable<Buffer | string>): Promise<string> {
  if (file === '-') return readStream(stdin);
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new InputFileError(code === 'ENOENT' ? `There is no file ${file}.` : code === 'EISDIR' ? `${file} is a folder, not a file.` : `Could not open ${file} (${code ?? 'error'}).`);
  }
  try {
    return await readStream(handle.createReadStream());
  } catch (error) {
    throw new InputFileError(`Could not read ${file} (${(error as { code?: string }).code ?? 'error'}).`);
  } finally {
    await handle.close().catch(() => undefined);
  }
}
