import { parseEmail } from "../../community/accounts.js";
import { apiTokensOf, createApiToken, revokeTokenById } from "../../community/api-tokens.js";
import { invalid, notFound } from "../../core/errors.js";
import { createServices, type Services } from "../../services.js";
import { findAccountByEmail } from "../../storage/accounts.js";
import type { Command, CommandContext, ParsedArgs } from "../command.js";

const USAGE = "token create EMAIL [--name N] | token list EMAIL | token revoke ID";

async function accountOf(services: Services, email: string) {
  const account = await findAccountByEmail(services.database, parseEmail(email));
  if (!account) throw notFound(`no account ${email}: create it with paperboy user add ${email}`);
  return account;
}

type Action = (
  services: Services,
  args: ParsedArgs,
  context: CommandContext,
  target: string,
) => Promise<void>;

const ACTIONS: Record<string, Action> = {
  // The token alone on stdout, so a script can take it: TOKEN=$(paperboy token create me@example.org).
  async create(services, args, context, email) {
    const name = typeof args.values.name === "string" ? args.values.name : "command line";
    const created = await createApiToken(services, await accountOf(services, email), name);
    context.stderr.write(`token ${created.id} "${created.name}" for ${email}; it is shown only this once\n`);
    context.stdout.write(`${created.token}\n`);
  },
  async list(services, _args, context, email) {
    const tokens = await apiTokensOf(services, await accountOf(services, email));
    if (tokens.length === 0) context.stderr.write(`${email} has no live tokens\n`);
    for (const t of tokens)
      context.stdout.write(
        `${t.id}\t${t.name}\tcreated ${t.createdAt}\tlast used ${t.lastUsedAt ?? "never"}\n`,
      );
  },
  async revoke(services, _args, context, id) {
    if (!/^\d+$/.test(id)) throw invalid(`"${id}" is not a token id (see paperboy token list EMAIL)`);
    await revokeTokenById(services, Number(id));
    context.stdout.write(`revoked token ${id}\n`);
  },
};

export const tokenCommand: Command = {
  name: "token",
  usage: USAGE,
  summary: "API tokens for scripts and operators: create (prints the token), list, revoke",
  options: { name: { type: "string" } },
  async run(args, context) {
    const [action, target, ...extra] = args.positionals;
    const run = action ? ACTIONS[action] : undefined;
    if (!run || !target || extra.length > 0 || (action !== "create" && args.values.name !== undefined))
      throw invalid(`usage: paperboy ${USAGE}`);
    const services = await createServices(context.config);
    try {
      await run(services, args, context, target);
      return 0;
    } finally {
      await services.close();
    }
  },
};
