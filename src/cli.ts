import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { CliModule } from './cli.module';
import {
  changeStatus,
  CliError,
  createTenant,
  exportTenant,
  importTenant,
  installDefaults,
  listTenants,
  migrate,
  printDemoLogins,
  seedDemo,
} from './cli/commands';
import { ConfigError, loadConfig } from './config/app-config';
import { ensureDatabase } from './database/database-bootstrap';

const USAGE =
  `Daftar operator CLI: npm run cli -- <command>

  migrate                                  prepare the database, migrate the platform, then every province
  tenant:create <slug> --name <name> [--name-ur <Urdu name>] --admin-email <email> [--admin-name <name>] ` +
  `--admin-password <password>
                [--domain <host>]... [--inline]
                                           register and provision a province, showing progress
                                           (--inline provisions in this process instead of the worker)
  tenant:list                              list provinces
  tenant:suspend <slug> [--reason <text>]  suspend a province
  tenant:resume <slug>                     resume a suspended province
  tenant:retry <slug>                      provision a failed province again
  tenant:export <slug> <file>              write the province's archive (rows, files, manifest) to <file> (.tar.gz)
  tenant:import <file> [--slug <new>]      restore an archive as a new province (its own slug, or <new>)
  defaults:install [<slug>]                give one province (default: every active one) the master data,
                                           base forms, workflow and forum rules it lacks (migrate does this too)
  demo:seed [--no-logins]                  create the demo provinces kp and gb (idempotent) and print logins
  demo:logins                              print the local URLs and demo logins
`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      'name-ur': { type: 'string' },
      'admin-email': { type: 'string' },
      'admin-name': { type: 'string' },
      'admin-password': { type: 'string' },
      domain: { type: 'string', multiple: true },
      reason: { type: 'string' },
      inline: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      // npm run dev prints the logins itself once the API listens.
      'no-logins': { type: 'boolean', default: false },
      slug: { type: 'string' },
    },
  });
  const [command, slug, file] = positionals;
  if (!command || values.help) {
    process.stdout.write(USAGE);
    // Asked for help: success; no command at all: a usage error.
    return values.help ? 0 : 2;
  }
  const needsSlug = ['tenant:create', 'tenant:suspend', 'tenant:resume', 'tenant:retry'];
  if (needsSlug.includes(command) && !slug) throw new CliError(`${command} needs a province slug\n\n${USAGE}`);
  if (command === 'tenant:export' && !(slug && file))
    throw new CliError(`tenant:export needs a province slug and a file\n\n${USAGE}`);
  if (command === 'tenant:import' && !slug) throw new CliError(`tenant:import needs an archive file\n\n${USAGE}`);
  const known = [
    'migrate',
    'defaults:install',
    'tenant:list',
    'tenant:export',
    'tenant:import',
    'demo:seed',
    'demo:logins',
    ...needsSlug,
  ];
  if (!known.includes(command)) throw new CliError(`Unknown command "${command}"\n\n${USAGE}`);

  process.env.LOG_LEVEL ??= 'warn';
  const config = loadConfig();
  if (command === 'migrate' || command === 'demo:seed') await ensureDatabase(config);

  const app = await NestFactory.createApplicationContext(CliModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  const out = (line: string) => process.stdout.write(`${line}\n`);
  try {
    switch (command) {
      case 'migrate':
        return await migrate(app, out);
      case 'demo:seed': {
        const code = await migrate(app, out);
        return code || (await seedDemo(app, out, !values['no-logins']));
      }
      case 'tenant:create':
        return await createTenant(
          app,
          {
            slug,
            name: values.name,
            nameUr: values['name-ur'],
            adminEmail: values['admin-email'],
            adminName: values['admin-name'],
            adminPassword: values['admin-password'],
            domains: values.domain,
            inline: values.inline,
          },
          out,
        );
      case 'defaults:install':
        return await installDefaults(app, slug, out);
      case 'demo:logins':
        return printDemoLogins(app, out);
      case 'tenant:list':
        return await listTenants(app, out);
      case 'tenant:export':
        return await exportTenant(app, slug, file, out);
      case 'tenant:import':
        // The positional after the command is the archive here, not a slug.
        return await importTenant(app, slug, values.slug, out);
      default:
        return await changeStatus(
          app,
          command.slice('tenant:'.length) as 'suspend' | 'resume' | 'retry',
          slug,
          out,
          values.reason,
        );
    }
  } finally {
    await app.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known = error instanceof CliError || error instanceof ConfigError || (error as { status?: number })?.status;
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${known ? '' : 'Unexpected error: '}${message}\n`);
    process.exit(known ? 2 : 1);
  },
);
