import { accountData } from "../../community/account-data.js";
import { parseEmail } from "../../community/accounts.js";
import { deleteAccount } from "../../community/delete-account.js";
import { invalid, notFound } from "../../core/errors.js";
import { createServices } from "../../services.js";
import { findAccountByEmail } from "../../storage/accounts.js";
import type { Command } from "../command.js";

const USAGE = "account export EMAIL | account delete EMAIL --yes";

/** For operators: an account's data as JSON on stdout, or its deletion (what /settings offers the member). */
export const accountCommand: Command = {
  name: "account",
  usage: USAGE,
  summary: "an account's data as JSON (export), or delete it, keeping its comments as by 'deleted account'",
  options: { yes: { type: "boolean" } },
  async run(args, context) {
    const [action, email, ...extra] = args.positionals;
    if ((action !== "export" && action !== "delete") || !email || extra.length > 0)
      throw invalid(`usage: paperboy ${USAGE}`);
    if (action === "delete" && args.values.yes !== true)
      throw invalid("deleting an account cannot be undone: add --yes to go ahead");
    const services = await createServices(context.config);
    try {
      const account = await findAccountByEmail(services.database, parseEmail(email));
      if (!account) throw notFound(`no account ${email}`);
      if (action === "export") {
        context.stdout.write(`${JSON.stringify(await accountData(services, account), null, 2)}\n`);
      } else {
        await deleteAccount(services, account);
        context.stdout.write(
          `deleted ${email} (was ${account.handle}); its comments stay as by "deleted account"\n`,
        );
      }
      return 0;
    } finally {
      await services.close();
    }
  },
};
