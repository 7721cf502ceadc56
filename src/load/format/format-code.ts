/** Stable codes of the problems a format folder can have. */
export const FormatCode = {
  /** format.yaml is not valid YAML. */
  YAML: 'E_FORMAT_YAML',
  /** A field of the definition is missing, misspelt or of the wrong kind. */
  DEFINITION: 'E_FORMAT_DEFINITION',
  /** The template the definition names cannot be read. */
  TEMPLATE: 'E_FORMAT_TEMPLATE',
  /** Two folders define a format of the same name. */
  DUPLICATE: 'E_FORMAT_DUPLICATE',
  /** A folder named as holding formats does not exist or holds none. */
  FOLDER: 'E_FORMAT_FOLDER',
} as const;
