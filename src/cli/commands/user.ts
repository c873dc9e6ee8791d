import { addUser } from "../../community/accounts.js";
import { isRole, ROLES } from "../../core/account.js";
import { invalid } from "../../core/errors.js";
import { createServices } from "../../services.js";
import type { Command } from "../command.js";

export const userCommand: Command = {
  name: "user",
  usage: "user add EMAIL [--role member|curator|admin]",
  summary: "create an account (or change an existing account's role)",
  options: { role: { type: "string" } },
  async run(args, context) {
    const [action, email, ...extra] = args.positionals;
    if (action !== "add" || !email || extra.length > 0) {
      throw invalid("usage: paperboy user add EMAIL [--role member|curator|admin]");
    }
    const role = args.values.role;
    if (role !== undefined && (typeof role !== "string" || !isRole(role))) {
      throw invalid(`--role must be one of ${ROLES.join(", ")}`);
    }
    const services = await createServices(context.config);
    try {
      const { account, created } = await addUser(services, email, role);
      const verb = created ? "created" : role ? "updated" : "exists:";
      context.stdout.write(`${verb} ${account.email} as ${account.handle} (${account.role})\n`);
      return 0;
    } finally {
      await services.close();
    }
  },
};
