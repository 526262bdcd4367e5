import { bench } from '../bench/bench.ts';
import { demoScaleCommand } from '../bench/demo-scale.ts';
import { ConfigError, loadConfig, type Config } from '../config.ts';
import { AppError, ValidationFailed } from '../domain/errors.ts';
import { message, translate, translator, type Lang, type Translate } from '../i18n/index.ts';
import { backupCommand, restoreCommand } from '../cli/backup.ts';
import { cliLang } from '../cli/cli-lang.ts';
import { reportCommand } from '../cli/report.ts';
import { retentionCommand } from '../cli/retention.ts';
import { importCommand } from '../cli/import.ts';
import { rotateCprKeyCommand } from '../cli/rotate-cpr-key.ts';
import { createLogger, type Logger } from '../logger.ts';
import { openServices, type Services } from '../services/index.ts';
import { startServer } from './server.ts';

// borgerbudget: one command line over the same services as the pages and the API (spec: CLI).

async function main(argv: string[], env: NodeJS.ProcessEnv, lang: Lang): Promise<number> {
  const t = translator(lang);
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === 'help') {
    console.log(t('cli.usage'));
    return command ? 0 : 2;
  }
  const config = loadConfig(env, { warn: (m) => console.warn(`Warning: ${m}`) });
  switch (command) {
    case 'start':
      return serveCommand(config, true, t);
    case 'serve':
      return serveCommand(config, false, t);
    case 'migrate':
      return withServices(config, (services) => {
        const applied = services.system.appliedMigrations;
        console.log(
          applied.length
            ? `${t('cli.migrate.applied', { count: applied.length })}\n  ${applied.join('\n  ')}`
            : t('cli.migrate.upToDate'),
        );
        return Promise.resolve(0);
      });
    case 'demo':
      if (rest.includes('--scale')) {
        return demoScaleCommand(rest, { ...config, production: config.env === 'production' });
      }
      return withServices(config, async (services) => {
        await services.demo.load();
        printLogins(services, t);
        return 0;
      });
    case 'create-admin':
      return withServices(config, (services) => createAdmin(services, rest, t));
    case 'check':
      return withServices(config, (services) => checkAudit(services, t));
    case 'check-ledger':
      return withServices(config, (services) => checkLedger(services, t));
    case 'bench':
      return bench(rest);
    case 'report':
      return reportCommand(rest, t, (fn) => withServices(config, fn));
    case 'import':
      return importCommand(rest, lang, (fn) => withServices(config, fn));
    case 'retention':
      return retentionCommand(rest, t, (fn) => withServices(config, fn));
    case 'backup':
      return backupCommand(rest, lang, config);
    case 'restore':
      return restoreCommand(rest, lang, config);
    case 'rotate-cpr-key':
      return rotateCprKeyCommand(rest, t, (fn) => withServices(config, fn));
    default:
      console.error(`${t('cli.unknownCommand', { command })}\n\n${t('cli.usage')}`);
      return 2;
  }
}

async function open(config: Config, logger?: Logger): Promise<Services> {
  return openServices({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    secrets: { session: config.sessionSecret, cpr: config.cprEncryptionKeys },
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

async function serveCommand(config: Config, withDemo: boolean, t: Translate): Promise<number> {
  const started = performance.now();
  const logger = createLogger(config.logLevel);
  const services = await open(config, logger);
  const production = config.env === 'production';
  if (withDemo && !production && (await services.demo.isEmpty())) {
    console.log(t('cli.start.loadingDemo'));
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
  const database = services.system.databaseKind;
  console.log(`\n${t('cli.start.running', { url: server.url, ms, database })}`);
  if (!production && !(await services.demo.isEmpty())) printLogins(services, t);
  await stopped;
  return 0;
}

/** The audit log's hash chains re-derived; the first broken link named with its chain. */
async function checkAudit(services: Services, t: Translate): Promise<number> {
  const report = await services.system.verifyAuditChains();
  if (report.firstBreak) {
    const { chain, seq, reason } = report.firstBreak;
    const owner = chain
      ? message('cli.check.owner.municipality', { municipality: chain })
      : message('cli.check.owner.national');
    console.error(translate(t, message('cli.check.broken', { chain, owner, seq, reason })));
    return 1;
  }
  console.log(t('cli.check.intact', { events: report.events, chains: report.chains }));
  return 0;
}

/** The books re-derived in SQL and by the domain; every difference named with case and municipality. */
async function checkLedger(services: Services, t: Translate): Promise<number> {
  const report = await services.system.checkLedger();
  if (report.problems.length > 0) {
    console.error(t('cli.ledger.failed', { count: report.problems.length }));
    for (const p of report.problems) console.error(`  ${translate(t, p.where)}: ${translate(t, p.what)}`);
    return 1;
  }
  const { cases, postings, programmes } = report;
  console.log(t('cli.ledger.ok', { cases, postings, programmes }));
  return 0;
}

function printLogins(services: Services, t: Translate): void {
  console.log(`\n${t('cli.demo.logins', { password: services.demo.password })}`);
  for (const l of services.demo.logins()) {
    console.log(`  ${l.role.padEnd(12)} ${l.email.padEnd(36)} ${l.name} – ${l.municipality}`);
  }
  for (const s of services.demo.shops()) {
    console.log(`  ${t('cli.demo.shop', { name: s.name, municipality: s.municipality, pin: s.pin })}`);
  }
  console.log('');
}

async function createAdmin(services: Services, args: string[], t: Translate): Promise<number> {
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
  console.log(t('cli.admin.created', { email: result.email, municipality: result.municipalityId }));
  console.log(t('cli.admin.code', { code: result.code }));
  return 0;
}

/**
 * Runs one command and resolves with its exit code; an error is printed on standard error and is exit
 * code 1. bin/borgerbudget.js exits with the code; the tests call this in-process.
 */
export async function run(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const lang = cliLang(env);
  const t = translator(lang);
  try {
    return await main(argv, env, lang);
  } catch (error: unknown) {
    if (error instanceof ValidationFailed) {
      for (const said of Object.values(error.fields)) console.error(translate(t, said));
    } else if (error instanceof AppError) {
      console.error(translate(t, error.userMessage));
    } else if (error instanceof ConfigError || (error instanceof Error && error.name !== 'Error')) {
      console.error(error.message);
    } else {
      console.error(error);
    }
    return 1;
  }
}
