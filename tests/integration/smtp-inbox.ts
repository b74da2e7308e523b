import { SMTPServer } from "smtp-server";
import type { AddressInfo } from "node:net";

type Received = { to: string; subject: string; raw: string };

/** A real SMTP server in the test process: it receives what nodemailer sends over TCP. */
export class Inbox {
  received: Received[] = [];
  server: SMTPServer | null = null;
  port = 0;
  async start(port = 0) {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onData: (stream, session, cb) => {
        let raw = "";
        stream.on("data", (c: Buffer) => (raw += c.toString("utf8")));
        stream.on("end", () => {
          const subject = /^Subject: (.*)$/m.exec(raw)?.[1] ?? "";
          this.received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), subject, raw });
          cb();
        });
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(port, "127.0.0.1", resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
  }
  async stop() {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
    this.server = null;
  }
  get url() {
    return `smtp://127.0.0.1:${this.port}`;
  }
}

