// Key Vault (RBAC authorization) holding the platform secrets. The web app reads them through Key Vault
// references; its identity gets "Key Vault Secrets User" in roleassignments.bicep.

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Globally unique vault name: 3-24 letters, digits and hyphens.')
@minLength(3)
@maxLength(24)
param vaultName string

@description('Turn on purge protection (recommended for production; it cannot be turned off again).')
param enablePurgeProtection bool

@description('Log Analytics workspace that receives the vault\'s audit logs.')
param workspaceId string

@description('Secrets to store: secret name -> value. Empty values are skipped.')
@secure()
param secrets object

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' = {
  name: vaultName
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    // ARM rejects an explicit false here; leaving it out means "off".
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource secretResources 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = [
  for secret in items(secrets): if (!empty(secret.value)) {
    parent: vault
    name: secret.key
    properties: {
      value: secret.value
      contentType: 'text/plain'
    }
  }
]

resource audit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit-to-log-analytics'
  scope: vault
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        categoryGroup: 'audit'
        enabled: true
      }
    ]
  }
}

output vaultName string = vault.name
