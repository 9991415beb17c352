// The peer a Slack developer would compare the host against (issue 12, "Performance, side by side"): a bare Bolt for
// JavaScript app that verifies the request signature and acks /kudos, nothing else (no storage, no Web API call).
// Started by `bench/run.sh slack`: node bench/bolt-peer/app.js <port>, signing secret in SLACK_SIGNING_SECRET.
const { App, LogLevel } = require('@slack/bolt');

const port = Number(process.argv[2]);
const app = new App({
  signingSecret: process.env.SLACK_SIGNING_SECRET,
  // The bot's identity, given: with a token instead, Bolt calls auth.test on the first request, which would leave
  // the machine. No Web API call is made at all; should one be, it goes to a closed loopback port.
  authorize: async () => ({ botToken: 'xoxb-bench', botId: 'BBENCH', botUserId: 'UBENCHBOT' }),
  clientOptions: { slackApiUrl: 'http://127.0.0.1:9/api/' },
  // Like a serverless deployment, and like the host: the ack is sent once the listener has finished.
  processBeforeResponse: true,
  endpoints: '/slack/commands',
  logLevel: process.env.BOLT_LOG_LEVEL ?? LogLevel.ERROR,
});

app.command('/kudos', async ({ ack }) => {
  await ack();
});

(async () => {
  await app.start({ port, host: '127.0.0.1' });
  // The benchmark waits for this line before it sends.
  console.log(`bolt peer listening on 127.0.0.1:${port}`);
})();
