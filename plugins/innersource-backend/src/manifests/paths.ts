/** The file name at the end of a path, with either `/` or `\` as the separator. */
export function basename(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}
