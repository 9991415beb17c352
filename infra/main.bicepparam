// Example parameters for infra/main.bicep. No secret is written here: every @secure() parameter is read
// from an environment variable of the shell that runs `az deployment group create` (see README.md).
using './main.bicep'

param namePrefix = 'recbot'

// Application (client) id of the bot's Entra app registration (az ad app create ... --query appId).
param teamsAppId = readEnvironmentVariable('TEAMS_APP_ID')

// Client secret of that app registration (az ad app credential reset ... --query password).
param teamsAppPassword = readEnvironmentVariable('TEAMS_APP_PASSWORD')

// Slack app (Basic Information page). Leave the variables unset to deploy for Teams only.
param slackClientId = readEnvironmentVariable('SLACK_CLIENT_ID', '')
param slackSigningSecret = readEnvironmentVariable('SLACK_SIGNING_SECRET', '')
param slackClientSecret = readEnvironmentVariable('SLACK_CLIENT_SECRET', '')
param slackBotToken = readEnvironmentVariable('SLACK_BOT_TOKEN', '')

param appServiceSkuName = 'B1'
param storageSkuName = 'Standard_LRS'
param logRetentionInDays = 30
param tags = {
  app: 'RecognitionBot'
  environment: 'production'
}
