// Azure Bot resource (single-tenant Entra app) with the Microsoft Teams channel, pointing at the web app.

@description('Globally unique bot handle.')
@minLength(2)
@maxLength(64)
param botName string

@description('Tags applied to every resource.')
param tags object

@description('Name shown for the bot.')
param displayName string

@description('Bot Service pricing tier. Teams is a standard channel: free on F0.')
@allowed([
  'F0'
  'S1'
])
param skuName string

@description('Application (client) id of the bot\'s single-tenant Entra app registration.')
param msaAppId string

@description('Tenant id of that app registration.')
param msaAppTenantId string

@description('Host name of the web app, without scheme, e.g. recbot-abc123.azurewebsites.net.')
param appHostName string

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: skuName
  }
  properties: {
    displayName: displayName
    endpoint: 'https://${appHostName}/api/messages'
    msaAppId: msaAppId
    msaAppType: 'SingleTenant'
    msaAppTenantId: msaAppTenantId
    publicNetworkAccess: 'Enabled'
    schemaTransformationVersion: '1.3'
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      enableCalling: false
    }
  }
}

output botName string = bot.name
output messagingEndpoint string = bot.properties.endpoint
