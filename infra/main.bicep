// RecognitionBot: everything the bot needs, in one resource group.
//   az deployment group create -g <rg> -f infra/main.bicep -p infra/main.bicepparam
// See infra/README.md for the whole procedure (Entra app, Slack app, Teams package).

targetScope = 'resourceGroup'

@description('Azure region for every regional resource (the bot resource itself is global).')
param location string = resourceGroup().location

@description('Short name that starts every resource name: 3-11 lowercase letters and digits, starting with a letter.')
@minLength(3)
@maxLength(11)
param namePrefix string = 'recbot'

@description('Tags applied to every resource.')
param tags object = {
  app: 'RecognitionBot'
}

@description('Prefix for every table name (letters and digits, starting with a letter), to share one account between installations. Must equal the app setting Storage__TablePrefix, which this template sets.')
@maxLength(20)
param tablePrefix string = ''

@description('Replication of the storage account.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSkuName string = 'Standard_LRS'

@description('App Service plan SKU (Linux). B1 is enough for a contact center of a few hundred agents; use P0v3 or higher for production with scale-out.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
  'P3v3'
])
param appServiceSkuName string = 'B1'

@description('Number of web app instances. More than one is safe: the outbox and digest jobs coordinate through storage.')
@minValue(1)
@maxValue(30)
param appServiceInstanceCount int = 1

@description('Azure Bot pricing tier. Teams is a standard channel, free on F0.')
@allowed([
  'F0'
  'S1'
])
param botSkuName string = 'F0'

@description('Bot name shown in the Azure portal and in the Bot Framework channels.')
param botDisplayName string = 'Kudos'

@description('Application (client) id of the bot\'s single-tenant Entra app registration (az ad app create, see README).')
@minLength(36)
@maxLength(36)
param teamsAppId string

@description('Tenant id of that app registration. Defaults to the tenant you deploy into.')
param teamsAppTenantId string = tenant().tenantId

@description('Customer tenants whose Teams activities are served, comma-separated (Teams:AllowedTenants). Empty: the app registration\'s tenant only; * serves every tenant.')
param teamsAllowedTenants string = ''

@description('Entra object ids of the Teams admins, comma-separated (Teams:Admins). Installing the app makes nobody an admin.')
param teamsAdmins string = ''

@description('Object id of an Entra group whose members are Teams admins (Teams:AdminGroupId); needs the Graph permission GroupMember.Read.All.')
param teamsAdminGroupId string = ''

@description('Client secret of the bot\'s Entra app. Stored in Key Vault only.')
@secure()
@minLength(1)
param teamsAppPassword string

@description('Slack app client id (Basic Information page). Empty: Slack OAuth installs are off.')
param slackClientId string = ''

@description('Slack signing secret (Basic Information page). Empty: the Slack endpoints refuse every request.')
@secure()
param slackSigningSecret string = ''

@description('Slack client secret, for multi-workspace installs through OAuth v2. Stored in Key Vault only.')
@secure()
param slackClientSecret string = ''

@description('Optional: a bot token (xoxb-...) for single-workspace mode, instead of OAuth installs. Stored in Key Vault only.')
@secure()
param slackBotToken string = ''

@description('Public host name of the app, if a custom domain is in front of it. Empty: the web app\'s own <name>.azurewebsites.net. The Slack OAuth callback is built from it.')
param publicHostName string = ''

@description('Days Log Analytics and Application Insights keep data.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('Key Vault purge protection. Recommended for production; once on it cannot be turned off, and a deleted vault name stays reserved for 90 days.')
param keyVaultPurgeProtection bool = true

// Names: the prefix plus a stable hash of the resource group, so two deployments never collide.
var suffix = uniqueString(subscription().id, resourceGroup().id)
var baseName = '${namePrefix}-${take(suffix, 6)}'
var names = {
  workspace: 'log-${baseName}'
  appInsights: 'appi-${baseName}'
  storageAccount: take('st${namePrefix}${suffix}', 24)
  keyVault: take('kv-${namePrefix}-${suffix}', 24)
  plan: 'asp-${baseName}'
  app: 'app-${baseName}'
  bot: 'bot-${baseName}'
  keyRingIdentity: 'id-keyring-${baseName}'
}
var appHostName = empty(publicHostName) ? '${names.app}.azurewebsites.net' : publicHostName

// The certificate that encrypts the key ring (modules/keyringcertificate.bicep); its secret has the same name.
var keyRingCertificateName = 'slack-keyring'
var tableNames = [
  for table in [
    'ledger'
    'workspaces'
    'digests'
    'conversations'
    'installations'
    // Slack's Data Protection key ring (SlackServiceCollectionExtensions.KeyRingTable), encrypted with keyRingCertificateName.
    'dataprotectionkeys'
    // Who opened the Slack App Home (SlackHomeViewers.Table): only their homes are republished after a change.
    'slackhomes'
  ]: '${tablePrefix}${table}'
]

// Key Vault secret names, and the app settings that reference them. Slack secrets only when given.
var secretValues = union(
  {
    'teams-app-password': teamsAppPassword
  },
  empty(slackSigningSecret) ? {} : { 'slack-signing-secret': slackSigningSecret },
  empty(slackClientSecret) ? {} : { 'slack-client-secret': slackClientSecret },
  empty(slackBotToken) ? {} : { 'slack-bot-token': slackBotToken }
)
var keyVaultReferences = union(
  {
    Teams__AppPassword: 'teams-app-password'
    Slack__KeyRingCertificate: keyRingCertificateName
  },
  empty(slackSigningSecret) ? {} : { Slack__SigningSecret: 'slack-signing-secret' },
  empty(slackClientSecret) ? {} : { Slack__ClientSecret: 'slack-client-secret' },
  empty(slackBotToken) ? {} : { Slack__BotToken: 'slack-bot-token' }
)

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    tags: tags
    workspaceName: names.workspace
    appInsightsName: names.appInsights
    retentionInDays: logRetentionInDays
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    tags: tags
    accountName: names.storageAccount
    skuName: storageSkuName
    tableNames: tableNames
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    location: location
    tags: tags
    vaultName: names.keyVault
    enablePurgeProtection: keyVaultPurgeProtection
    workspaceId: monitoring.outputs.workspaceId
    secrets: secretValues
  }
}

module keyRingCertificate 'modules/keyringcertificate.bicep' = {
  name: 'keyringcertificate'
  dependsOn: [
    keyVault
  ]
  params: {
    location: location
    tags: tags
    vaultName: names.keyVault
    certificateName: keyRingCertificateName
    identityName: names.keyRingIdentity
  }
}

// Names are passed as known values (not module outputs) so What-If can predict the resources;
// dependsOn then keeps the order the references would otherwise give.
module web 'modules/webapp.bicep' = {
  name: 'webapp'
  // The key ring certificate must exist before the app resolves its reference at start-up.
  dependsOn: [
    keyVault
    keyRingCertificate
  ]
  params: {
    location: location
    tags: tags
    planName: names.plan
    appName: names.app
    skuName: appServiceSkuName
    instanceCount: appServiceInstanceCount
    keyVaultName: names.keyVault
    appInsightsName: names.appInsights
    workspaceId: monitoring.outputs.workspaceId
    keyVaultReferences: keyVaultReferences
    appSettings: union(
      {
        ASPNETCORE_ENVIRONMENT: 'Production'
        Storage__AccountUri: storage.outputs.tableEndpoint
        Storage__TablePrefix: tablePrefix
        Teams__AppId: teamsAppId
        Teams__AppTenantId: teamsAppTenantId
        // So `admin integration add` shows the helpdesk the whole URL of its endpoint.
        CustomerKudos__PublicBaseUrl: 'https://${appHostName}'
        // The zip holds a finished build (scripts/package.sh): run it as it is.
        SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
      },
      // The OAuth callback is named, not derived from the request: behind App Service's TLS termination it says http://.
      empty(slackClientId) ? {} : { Slack__ClientId: slackClientId, Slack__RedirectUri: 'https://${appHostName}/slack/oauth/callback' },
      empty(teamsAllowedTenants) ? {} : { Teams__AllowedTenants__0: teamsAllowedTenants },
      empty(teamsAdmins) ? {} : { Teams__Admins__0: teamsAdmins },
      empty(teamsAdminGroupId) ? {} : { Teams__AdminGroupId: teamsAdminGroupId }
    )
  }
}

module roles 'modules/roleassignments.bicep' = {
  name: 'roleassignments'
  params: {
    principalId: web.outputs.principalId
    storageAccountName: names.storageAccount
    keyVaultName: names.keyVault
  }
  dependsOn: [
    keyVault
  ]
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    botName: names.bot
    tags: tags
    displayName: botDisplayName
    skuName: botSkuName
    msaAppId: teamsAppId
    msaAppTenantId: teamsAppTenantId
    appHostName: web.outputs.defaultHostName
  }
}

@description('Name of the web app (for az webapp deploy).')
output webAppName string = web.outputs.appName

@description('Public host name of the web app: pass it to scripts/package.sh.')
output webAppHostName string = web.outputs.defaultHostName

@description('Bot Framework messaging endpoint registered on the Azure Bot resource.')
output messagingEndpoint string = bot.outputs.messagingEndpoint

@description('Base URL for the Slack app\'s request URLs (/slack/commands, /slack/interactions, /slack/events, /slack/oauth/callback).')
output slackBaseUrl string = 'https://${web.outputs.defaultHostName}/slack'

@description('Name of the Azure Bot resource.')
output botName string = bot.outputs.botName

@description('Storage account holding the tables.')
output storageAccountName string = storage.outputs.accountName

@description('Key Vault holding the platform secrets.')
output keyVaultName string = keyVault.outputs.vaultName

@description('Application Insights component receiving the app\'s telemetry.')
output appInsightsName string = monitoring.outputs.appInsightsName
