// The SMTP sink of the newsletter bench, in its own process so it does not share the sender's CPU.
// Accepts everything, parses nothing, counts messages and distinct recipients; answers "count" over IPC.
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

let messages = 0
const recipients = new Set<string>()
let repeated = 0
const server = new SMTPServer({
  secure: false,
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, session, callback) {
    stream.on('data', () => {})
    stream.on('end', () => {
      messages++
      for (const r of session.envelope.rcptTo) {
        if (recipients.has(r.address)) repeated++
        else recipients.add(r.address)
      }
      callback()
    })
  },
})
server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (server.server.address() as AddressInfo).port })
})
process.on('message', (msg: { type: string }) => {
  if (msg.type === 'count') process.send?.({ messages, recipients: recipients.size, repeated })
  if (msg.type === 'reset') {
    messages = 0
    repeated = 0
    recipients.clear()
    process.send?.({ reset: true })
  }
  if (msg.type === 'stop') server.close(() => process.exit(0))
})
