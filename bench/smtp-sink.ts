/**
 * A local SMTP server in its own process for the digest benchmark: accepts every message, reads and drops it,
 * and reports its port and count to the parent over IPC.
 */
import { SMTPServer } from "smtp-server";

let received = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  maxClients: 64,
  onData(stream, _session, callback) {
    stream.on("end", () => {
      received += 1;
      callback();
    });
    stream.resume();
  },
});
server.listen(0, "127.0.0.1", () => {
  const address = server.server.address();
  process.send?.({ port: typeof address === "object" && address ? address.port : 0 });
});
process.on("message", () => process.send?.({ received }));
process.on("disconnect", () => server.close(() => process.exit(0)));
