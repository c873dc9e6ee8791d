/** One stored table as the copy and checksum code needs to know it. */
export interface TableInfo {
  readonly name: string;
  /** Columns that hold data (generated columns left out: the database computes them). */
  readonly columns: readonly string[];
  /** Primary key columns, in key order; rows are read in this order. */
  readonly primaryKey: readonly string[];
  /** Tables this one references through foreign keys (itself left out). */
  readonly references: readonly string[];
  /** The auto-numbered column, if any; its counter must follow copied rows. */
  readonly identity: string | null;
}
