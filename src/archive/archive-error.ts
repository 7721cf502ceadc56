/**
 * A failure of the archive stage that the user can act on (bad P12, wrong password, a PDF
 * that cannot be signed). `code` is stable English, `message` Chinese; the CLI prints both.
 */
export class ArchiveError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ArchiveError';
  }
}
