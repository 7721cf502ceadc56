/**
 * The inputs cannot be compared at all (a file against a folder, no git, an unknown
 * revision): the CLI prints the message and exits 2, as diff(1) does for trouble.
 */
export class DiffInputError extends Error {}
