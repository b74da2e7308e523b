/** The background worker process (started by npm start / npm run dev, or alone: npm run worker). */
import { startWorker } from "../lib/jobs/worker";
import { disconnectDb } from "../lib/db";

const runner = await startWorker();
console.log("[worker] started; waiting for jobs");
let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[worker] ${signal}: finishing running jobs`);
  await runner.stop();
  await disconnectDb();
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
await runner.promise;
