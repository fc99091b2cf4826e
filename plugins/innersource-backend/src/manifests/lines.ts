/** Finds the 1-based line number of a character index, for problem messages. */
export class LineLocator {
  private readonly lineStarts: number[] = [0];

  constructor(content: string) {
    for (let i = 0; i < content.length; i++) {
      if (content[i] === '\n') this.lineStarts.push(i + 1);
    }
  }

  lineAt(index: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (this.lineStarts[middle] <= index) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  }
}
