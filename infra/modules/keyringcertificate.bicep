// The certificate that encrypts the app's Data Protection key ring (which in turn encrypts the Slack bot tokens)
// before it is written to Table Storage: it lives in Key Vault, never in the storage account. ARM cannot create
// Key Vault certificates, so a deployment script does it with the Azure CLI, once: a certificate that exists is
// left alone (a new one would make the keys already written unreadable). The web app reads it through a Key
// Vault reference to the certificate's secret (base64 PKCS#12), with the role it already has on the vault.

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Key Vault that holds the certificate.')
param vaultName string

@description('Name of the certificate (and of its secret) in the vault.')
param certificateName string

@description('Name of the user-assigned identity the script runs as.')
param identityName string

@description('Changes on every deployment, so the script checks each time that the certificate still exists.')
param runTag string = utcNow()

// Built-in role: manage certificates (create, read) but not read secrets.
var keyVaultCertificatesOfficer = 'a4417e6f-fecd-4de8-b567-7b0420556985'

// Self-signed RSA, exportable (the app needs the private key), ten years: Data Protection does not check
// expiry, and renewing it means keeping the old one for reading (Slack:KeyRingPreviousCertificates), so it is
// never renewed automatically; Key Vault e-mails its contacts 90 days before it expires.
var policy = {
  issuerParameters: {
    name: 'Self'
  }
  keyProperties: {
    exportable: true
    keyType: 'RSA'
    keySize: 3072
    reuseKey: false
  }
  secretProperties: {
    contentType: 'application/x-pkcs12'
  }
  x509CertificateProperties: {
    subject: 'CN=RecognitionBot key ring'
    validityInMonths: 120
    keyUsage: [
      'keyEncipherment'
      'dataEncipherment'
    ]
  }
  lifetimeActions: [
    {
      trigger: {
        daysBeforeExpiry: 90
      }
      action: {
        actionType: 'EmailContacts'
      }
    }
  ]
}

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' existing = {
  name: vaultName
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: identityName
  location: location
  tags: tags
}

resource certificatesOfficer 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, keyVaultCertificatesOfficer)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultCertificatesOfficer)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    description: 'RecognitionBot deployment script: create the key ring certificate.'
  }
}

resource createCertificate 'Microsoft.Resources/deploymentScripts@2023-08-01' = {
  name: 'create-${certificateName}'
  location: location
  tags: tags
  kind: 'AzureCLI'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  // The role must exist before the script signs in with the identity.
  dependsOn: [
    certificatesOfficer
  ]
  properties: {
    azCliVersion: '2.67.0'
    forceUpdateTag: runTag
    timeout: 'PT20M'
    retentionInterval: 'PT1H'
    cleanupPreference: 'OnSuccess'
    environmentVariables: [
      {
        name: 'VAULT'
        value: vaultName
      }
      {
        name: 'CERT'
        value: certificateName
      }
      {
        name: 'POLICY'
        value: string(policy)
      }
    ]
    // A fresh role assignment takes a few minutes to reach Key Vault: retry until it does.
    scriptContent: '''
      set -eu
      for attempt in $(seq 1 30); do
        if az keyvault certificate show --vault-name "$VAULT" --name "$CERT" --query id -o tsv >/dev/null 2>&1; then
          echo "certificate $CERT exists"; exit 0
        fi
        if az keyvault certificate create --vault-name "$VAULT" --name "$CERT" --policy "$POLICY" --query id -o tsv; then
          exit 0
        fi
        sleep 20
      done
      echo "could not create certificate $CERT in $VAULT" >&2; exit 1
    '''
  }
}
