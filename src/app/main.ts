import { bench } from '../bench/bench.ts';
import { ConfigError, loadConfig, type Config } from '../config.ts';
import { AppError, ValidationFailed } from '../domain/errors.ts';
import { translate, translator } from '../i18n/index.ts';
import { reportCommand } from '../cli/report.ts';
import { importCommand } from '../cli/import.ts';
import { createLogger, type Logger } from '../logger.ts';
import { openServices, type Services } from '../services/index.ts';
import { startServer } from './server.ts';

// borgerbudget: one command line over the same services as the pages and the API (spec: CLI).

const USAGE = `Usage: borgerbudget <command>

  start          migrate, load demo data into an empty database (not in production), serve
  serve          serve the web app and API
  migrate        apply pending database migrations
  demo           load the demo municipalities, programmes and users (idempotent; not in production)
  create-admin   create a municipality's first administrator: --municipality CODE --email E --name N
  check          verify the audit log's hash chains (exit 1 at the first broken link)
  check-ledger   re-derive every case's budget from the ledger and check the invariants (exit 1 on any finding)
  bench          speed and memory figures against their targets, on throw-away embedded databases
  report         the evaluation report: --format json|csv [--municipality CODE] [--anonymise] [--figure KEY]
  import         import existing programme data, all or nothing: --dir FOLDER (cases.csv, answers.csv, payments.csv)

Configuration comes from environment variables; see README.md.`;

async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === 'help') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const config = loadConfig(env, { warn: (m) => console.warn(`Warning: ${m}`) });
  switch (command) {
    case 'start':
      return serveCommand(config, true);
    case 'serve':
      return serveCommand(config, false);
    case 'migrate':
      return withServices(config, (services) => {
        const applied = services.system.appliedMigrations;
        console.log(
          applied.length
            ? `Applied ${applied.length} migrations:\n  ${applied.join('\n  ')}`
            : 'Migrations are up to date.',
        );
        return Promise.resolve(0);
      });
    case 'demo':
      return withServices(config, async (services) => {
        await services.demo.load();
        printLogins(services);
        return 0;
      });
    case 'create-admin':
      return withServices(config, (services) => createAdmin(services, rest));
    case 'check':
      return withServices(config, async (services) => {
        const report = await services.system.verifyAuditChains();
        if (report.firstBreak) {
          const b = report.firstBreak;
          console.error(
            `Audit log broken: chain ${b.chain} (municipality ${b.chain || 'national'}), event ${b.seq}: ${b.reason}.`,
          );
          return 1;
        }
        console.log(`Audit log intact: ${report.events} events in ${report.chains} chains.`);
        return 0;
      });
    case 'check-ledger':
      return withServices(config, checkLedger);
    case 'bench':
      return bench();
    case 'report':
      return reportCommand(rest, (fn) => withServices(config, fn));
    case 'import':
      return importCommand(rest, (fn) => withServices(config, fn));
    default:
      console.error(`Unknown command "${command}".\n\n${USAGE}`);
      return 2;
  }
}

async function open(config: Config, logger?: Logger): Promise<Services> {
  return openServices({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    secrets: { session: config.sessionSecret, cpr: config.cprEncryptionKey },
    production: config.env === 'production',
    idempotencyKeyHours: config.idempotencyKeyHours,
    ...(logger
      ? { onIdleError: (err: Error) => logger.warn({ err }, 'the database dropped an idle connection') }
      : {}),
  });
}

async function withServices(config: Config, fn: (services: Services) => Promise<number>): Promise<number> {
  const services = await open(config);
  try {
    return await fn(services);
  } finally {
    await services.system.close();
  }
}

async function serveCommand(config: Config, withDemo: boolean): Promise<number> {
  const started = performance.now();
  const logger = createLogger(config.logLevel);
  const services = await open(config, logger);
  const production = config.env === 'production';
  if (withDemo && !production && (await services.demo.isEmpty())) {
    console.log('The database is empty: loading demo data …');
    await services.demo.load();
  }
  if (services.system.databaseKind === 'pglite' && production) {
    logger.warn(
      'Running on embedded PGlite in production: it does not survive a power loss. Use DATABASE_URL.',
    );
  }
  const server = await startServer(services, config, logger);
  const stopped = new Promise<void>((resolve) => {
    const shutdown = (signal: string) => {
      logger.info({ signal }, 'shutting down');
      void server.stop(10_000).then(resolve);
    };
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    process.once('SIGINT', () => shutdown('SIGINT'));
  });
  const ms = Math.round(performance.now() - started);
  console.log(
    `\nBorgerbudget is running at ${server.url}  (ready in ${ms} ms, database: ${services.system.databaseKind})`,
  );
  if (!production && !(await services.demo.isEmpty())) printLogins(services);
  await stopped;
  return 0;
}

/** The books re-derived in SQL and by the domain; every difference named with case and municipality. */
async function checkLedger(services: Services): Promise<number> {
  const report = await services.system.checkLedger();
  if (report.problems.length > 0) {
    console.error(`Regnskabet stemmer ikke: ${report.problems.length} fejl.`);
    for (const p of report.problems) console.error(`  ${p.where}: ${p.what}`);
    return 1;
  }
  console.log(
    `Regnskabet stemmer: ${report.cases} forløb, ${report.postings} posteringer og ${report.programmes} puljer kontrolleret.`,
  );
  return 0;
}

function printLogins(services: Services): void {
  console.log(`\nDemo logins (password for all: ${services.demo.password}):`);
  for (const l of services.demo.logins()) {
    console.log(`  ${l.role.padEnd(12)} ${l.email.padEnd(36)} ${l.name} – ${l.municipality}`);
  }
  console.log('');
}

async function createAdmin(services: Services, args: string[]): Promise<number> {
  const flag = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const result = await services.users.createFirstAdmin({
    municipalityCode: flag('municipality'),
    municipalityName: flag('municipality-name'),
    email: flag('email'),
    name: flag('name'),
  });
  console.log(`Created administrator ${result.email} for municipality ${result.municipalityId}.`);
  console.log(`One-time code (shown once; valid 3 days; use it at /adgangskode): ${result.code}`);
  return 0;
}

/**
 * Runs one command and resolves with its exit code; an error is printed on standard error and is exit
 * code 1. bin/borgerbudget.js exits with the code; the tests call this in-process.
 */
export async function run(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  try {
    return await main(argv, env);
  } catch (error: unknown) {
    if (error instanceof ValidationFailed) {
      // A field's message names the command's flags, which are English like the usage text.
      for (const said of Object.values(error.fields)) console.error(translate(translator('en'), said));
    } else if (error instanceof AppError) {
      // The command line speaks Danish, like the pages by default.
      console.error(translate(translator('da'), error.userMessage));
    } else if (error instanceof ConfigError || (error instanceof Error && error.name !== 'Error')) {
      console.error(error.message);
    } else {
      console.error(error);
    }
    return 1;
  }
}
