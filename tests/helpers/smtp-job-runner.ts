/**
 * A job runner in its own process, for tests that kill it: `node --import tsx tests/helpers/smtp-job-runner.ts`
 * with the test's DATABASE_URL, PAYLOAD_SECRET and SMTP_URL in the environment. Runs RUN_QUEUE until empty.
 */
import { getPayload } from '../../cms/local-api'

const payload = await getPayload()
const queue = process.env.RUN_QUEUE ?? 'newsletter'
for (let i = 0; i < 1000; i++) {
  const result = await payload.jobs.run({ queue, limit: 5 })
  if (result.noJobsRemaining) break
}
process.stdout.write('runner: queue drained\n')
process.exit(0)
