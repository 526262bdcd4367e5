import {
  PostgresQueryCompiler,
  type CompiledQuery,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';

// Counts what the app sends to the database while a piece of work runs (a request through the test
// app): every round trip to the database, and how many of them open a transaction. A test pins the
// counts of a hot path with an upper bound, so an extra transaction or a query per row shows up as a
// failure, whatever the timing. Installed as a Kysely plugin on the test database
// (`createTestContext({ plugins: [counter] })`), it sees every statement the app's handle runs, on
// PGlite and PostgreSQL alike.

export interface Counted {
  /** Round trips: each statement (or `begin; set_config…` sent as one) counts once. */
  statements: number;
  /** Transactions begun. */
  transactions: number;
  /** Savepoints taken (a service joining a running transaction). */
  savepoints: number;
  /** The statements' SQL, in order, for the message of a failing test. */
  sql: string[];
}

const compiler = new PostgresQueryCompiler();

export class StatementCounter implements KyselyPlugin {
  private seen: CompiledQuery[] | null = null;

  transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
    this.seen?.push(compiler.compileQuery(node, queryId));
    return node;
  }

  transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(result);
  }

  /** Runs `work` and records the statements sent while it ran, with their parameters. */
  async record(work: () => Promise<unknown>): Promise<CompiledQuery[]> {
    if (this.seen) throw new Error('The statement counter is already counting.');
    const seen: CompiledQuery[] = [];
    this.seen = seen;
    try {
      await work();
    } finally {
      this.seen = null;
    }
    return seen;
  }

  /** Runs `work` and counts the statements sent while it ran (nothing else may run meanwhile). */
  async count(work: () => Promise<unknown>): Promise<Counted> {
    const seen = (await this.record(work)).map((q) => q.sql.replace(/\s+/g, ' ').trim());
    return {
      statements: seen.length,
      transactions: seen.filter((s) => /^begin\b/i.test(s)).length,
      savepoints: seen.filter((s) => /^savepoint\b/i.test(s)).length,
      sql: seen,
    };
  }
}
