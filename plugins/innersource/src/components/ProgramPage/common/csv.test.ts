import { csvCell, downloadCsv, toCsv } from './csv';

describe('toCsv', () => {
  it('writes a header line and one line per row, ending lines in CRLF', () => {
    const csv = toCsv(
      [
        {
          header: 'Project',
          value: (r: { name: string; n: number }) => r.name,
        },
        { header: 'Usage', value: r => r.n },
      ],
      [
        { name: 'Ledger SDK', n: 5 },
        { name: 'Search, the API', n: 0 },
      ],
    );
    expect(csv).toBe(
      'Project,Usage\r\nLedger SDK,5\r\n"Search, the API",0\r\n',
    );
  });

  it('quotes quotes and line breaks, and leaves empty values empty', () => {
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(true)).toBe('true');
  });

  it('keeps spreadsheets from running text as a formula, but not negative numbers', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-3)).toBe('-3');
  });
});

describe('downloadCsv', () => {
  it('saves the text as a UTF-8 CSV file', async () => {
    const blobs: Blob[] = [];
    const createObjectURL = jest.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:csv';
    });
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function recordClick(this: HTMLAnchorElement) {
        expect(this.download).toBe('figures.csv');
        expect(this.href).toBe('blob:csv');
      });

    downloadCsv('figures.csv', 'a,b\r\n');

    expect(click).toHaveBeenCalledTimes(1);
    expect(blobs[0].type).toBe('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await blobs[0].arrayBuffer());
    // a UTF-8 byte order mark, then the text
    expect(Array.from(bytes.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe('a,b\r\n');
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:csv');
    click.mockRestore();
  });
});
