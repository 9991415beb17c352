// The peer a Slack developer would compare the host against (issue 12, "Performance, side by side"): a bare Bolt for
// JavaScript app that verifies the request signature and acks /kudos, nothing else (no storage, no Web API call).
// Started by `bench/run.sh slack`: node bench/bolt-peer/app.js <port>, signing secret in SLACK_SIGNING_SECRET.
const { App, LogLevel } = require('@slack/bolt');

const port = Number(process.argv[2]);
const app = new App({
  signingSecret: process.env.SLACK_SIGNING_SECRET,
  // A token is required, but never used: no Web API call is made, and its check at start (auth.test) is off.
  token: 'xoxb-bench',
  tokenVerificationEnabled: false,
  // Like a serverless deployment, and like the host: the ack is sent once the listener has finished.
  processBeforeResponse: true,
  endpoints: '/slack/commands',
  logLevel: LogLevel.ERROR,
});

app.command('/kudos', async ({ ack }) => {
  await ack();
});

(async () => {
  await app.start({ port, host: '127.0.0.1' });
  // The benchmark waits for this line before it sends.
  console.log(`bolt peer listening on 127.0.0.1:${port}`);
})();
