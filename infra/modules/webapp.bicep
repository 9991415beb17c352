// Linux App Service plan and web app running the framework-dependent .NET 10 build (zip deploy).
// Secrets are never app-setting values: they are Key Vault references resolved by App Service with the
// app's system-assigned identity.

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Name of the App Service plan.')
param planName string

@description('Globally unique name of the web app; its host is <name>.azurewebsites.net.')
param appName string

@description('App Service plan SKU. Basic or higher: "always on" is not available on Free/Shared.')
param skuName string

@description('Number of instances.')
@minValue(1)
@maxValue(30)
param instanceCount int

@description('Plain (non-secret) app settings: name -> value.')
param appSettings object

@description('Secret app settings: app setting name -> Key Vault secret name in keyVaultName.')
param keyVaultReferences object

@description('Key Vault that holds the secrets named in keyVaultReferences.')
param keyVaultName string

@description('Application Insights component whose connection string the app exports telemetry to.')
param appInsightsName string

@description('Log Analytics workspace that receives the App Service logs.')
param workspaceId string

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

// Versionless secret URIs: App Service picks up a rotated secret without a redeployment.
var vaultUri = 'https://${keyVaultName}${environment().suffixes.keyvaultDns}/'
var referenceSettings = [
  for setting in items(keyVaultReferences): {
    name: setting.key
    value: '@Microsoft.KeyVault(SecretUri=${vaultUri}secrets/${setting.value})'
  }
]
var plainSettings = [
  for setting in items(appSettings): {
    name: setting.key
    value: string(setting.value)
  }
]

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: skuName
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-11-01' = {
  name: appName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: 'SystemAssigned'
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: true
      healthCheckPath: '/healthz'
      http20Enabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      remoteDebuggingEnabled: false
      appSettings: concat(plainSettings, referenceSettings, [
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: appInsights.properties.ConnectionString
        }
      ])
    }
  }
}

// Deployments use Entra ID (az webapp deploy), never FTP or basic-auth publishing credentials.
resource ftpPolicy 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: app
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPolicy 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: app
  name: 'scm'
  properties: {
    allow: false
  }
}

resource logs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'logs-to-log-analytics'
  scope: app
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceAppLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

output appName string = app.name
output defaultHostName string = app.properties.defaultHostName
output principalId string = app.identity.principalId
