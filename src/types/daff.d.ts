/** The part of daff's API this project uses (daff ships no type declarations). */
declare module 'daff' {
  class TableView {
    constructor(data: string[][]);
    data: string[][];
  }
  class CompareFlags {
    addPrimaryKey(column: string): void;
    show_unchanged: boolean;
  }
  interface TableComparisonState {
    align(): unknown;
  }
  class TableDiff {
    constructor(alignment: unknown, flags: CompareFlags);
    hilite(output: TableView): boolean;
  }
  function compareTables(a: TableView, b: TableView, flags?: CompareFlags): TableComparisonState;
  const daff: {
    TableView: typeof TableView;
    CompareFlags: typeof CompareFlags;
    TableDiff: typeof TableDiff;
    compareTables: typeof compareTables;
  };
  export default daff;
}
