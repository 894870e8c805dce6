import { InputError } from '../../shared/errors.ts';

/** Lines (1-based) of `text` up to `index`, for error messages. */
export function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Decodes a digest's bytes as UTF-8 text, refusing anything that is not text: a NUL byte or an
 * invalid UTF-8 sequence means a binary file or a wrong encoding, and guessing would publish garbage.
 * A leading BOM is dropped and CRLF/CR line endings become LF.
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) throw new InputError(file, 1, 'the file is empty; expected a digest of papers');
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new InputError(file, lineOfByte(bytes, nul), 'the file contains a NUL byte; expected a UTF-8 text file, not a binary one');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new InputError(file, lineOfByte(bytes, firstInvalidUtf8(bytes)), 'the file is not valid UTF-8 text');
  }
  return text.replace(/\r\n?/g, '\n');
}

function lineOfByte(bytes: Uint8Array, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (bytes[i] === 10) line++;
  return line;
}

/** Index of the first byte that starts an invalid UTF-8 sequence (the decoder itself does not say). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // Decode growing prefixes line by line: cheap, and exact enough to name the line.
  let start = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(10, start);
    end = end === -1 ? bytes.length : end + 1;
    try {
      decoder.decode(bytes.subarray(start, end));
    } catch {
      return start;
    }
    start = end;
  }
  return bytes.length;
}
